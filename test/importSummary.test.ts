import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseRevisionFile } from '../src/formats/parseRevisionFile'
import { importHistory } from '../src/services/publishing/importHistory'
import { startTestApp, type TestApp } from './support/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app?.close())

describe('an imported version without front matter', () => {
  it('gets a public summary that gives its date and never the name of the file it came from', async () => {
    const file = parseRevisionFile('2021-03-01-initial.md', '# Cookie Policy\n\nWe use one cookie.\n')
    await importHistory(app.payload, 'cookies', [file], { policy: { title: 'Cookie Policy', acceptanceMode: 'continued-use', noticePeriodDays: 30 } })
    const api = (await (await fetch(`${app.baseUrl}/api/v1/policies/cookies/versions/1`)).json()) as { summary: string }
    expect(api.summary).toBe('Revision effective 2021-03-01; no summary of its changes was recorded.')
    const page = await (await fetch(`${app.baseUrl}/legal/cookies/versions/1`)).text()
    const feed = await (await fetch(`${app.baseUrl}/legal/cookies/feed.atom`)).text()
    for (const text of [api.summary, page, feed]) expect(text).not.toContain('initial.md')
  })
})
