import { describe, expect, it } from 'vitest'

import { parseRevisionFile } from '../../src/formats/parseRevisionFile'
import { createApiKey } from '../../src/services/staff/apiKeys'
import { importHistory } from '../../src/services/publishing/importHistory'
import { publishFromMarkdown } from '../../src/services/publishing/publishFromMarkdown'
import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { startDemoHost } from '../support/demoHost'
import { makePolicy } from '../support/fixtures'
import { beforeAllTests } from '../support/beforeAllTests'
import { startTestApp } from '../support/testApp'

if (browserUnavailable) console.log(`Cumulative banner browser tests skipped: ${browserUnavailable}.`)

const DAY = 86_400_000

describe.skipIf(browserUnavailable)('the banner for a subject who skipped a material version, in Chromium', () => {
  const setup = beforeAllTests(async (closeAfter) => {
    const assent = closeAfter(await startTestApp())
    const policy = await makePolicy(assent.payload, { title: 'Terms of Service', acceptanceMode: 'clickwrap', noticePeriodDays: 30 })
    const slug = policy.slug
    await importHistory(assent.payload, slug, [parseRevisionFile('2020-01-01.md', '---\nchangeClass: material\nsummary: Our first terms.\n---\n# Terms of Service\n\nBe kind.')])
    const key = (await createApiKey(assent.payload, 'demo host', 'integration')).key
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' }
    // Carol accepted version 1 before the changes.
    await fetch(`${assent.baseUrl}/api/v1/subjects/carol`, { method: 'PUT', headers, body: '{}' })
    const v1 = (await (await fetch(`${assent.baseUrl}/api/v1/policies/${slug}/versions/1`)).json()) as { contentHash: string }
    await fetch(`${assent.baseUrl}/api/v1/acceptances`, { method: 'POST', headers, body: JSON.stringify({ subject: 'carol', versions: [{ policy: slug, version: 1, contentHash: v1.contentHash }], method: 'api', source: 'api' }) })

    const editor = { ...(await assent.payload.create({ collection: 'users', data: { email: 'banner-editor@example.com', password: 'long-enough-password', role: 'editor' } })), collection: 'users' } as never
    await publishFromMarkdown(assent.payload, editor, slug, { markdown: '# Terms of Service\n\nBe kind. We keep your messages for five years.', changeClass: 'material', summary: 'We keep your messages for five years.', effectiveAt: new Date(Date.now() + 40 * DAY).toISOString() })
    await publishFromMarkdown(assent.payload, editor, slug, { markdown: '# Terms of Service\n\nBe kind. We keep your messages for five years. Write to legal@example.com.', changeClass: 'informational', summary: 'A new contact address.', effectiveAt: new Date(Date.now() + 50 * DAY).toISOString() })
    const host = closeAfter(await startDemoHost(assent.baseUrl, key))
    return { assent, host, key, slug, browser: closeAfter(await launchBrowser()) }
  })

  it('names both versions, links the redline from version 1, asks to accept, and records an acceptance covering both', async () => {
    const page = await setup.browser.newPage({ viewport: { width: 1000, height: 700 } })
    await page.goto(`${setup.host.url}/dashboard?user=carol`)
    const banner = page.locator('#assent-banner')
    await banner.locator('section.banner').waitFor()
    const items = await banner.locator('ul.assent-changes li').allTextContents()
    expect(items.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^Version 2 \(material, takes effect on \d{1,2} [A-Z][a-z]+ \d{4}\): We keep your messages for five years\.$/),
      expect.stringMatching(/^Version 3 \(informational, takes effect on \d{1,2} [A-Z][a-z]+ \d{4}\): A new contact address\.$/),
    ])
    await expect(banner.locator('.assent-banner-body').textContent()).resolves.toContain('2 versions since version 1, the one you last accepted')
    expect(await banner.locator('a', { hasText: 'See what changed' }).getAttribute('href')).toMatch(new RegExp(`/legal/${setup.slug}/compare/1/3$`))
    await expect(banner.locator('.assent-consent').textContent()).resolves.toContain('By clicking Accept you agree to the Terms of Service.')
    await page.screenshot({ path: screenshotPath('banner-cumulative') })

    const accepted = page.evaluate(() => new Promise((resolve) => document.addEventListener('assent:accepted', (e) => resolve((e as CustomEvent).detail))))
    await banner.locator('button.accept').click()
    expect(await accepted).toMatchObject({ subject: 'carol', acceptances: [{ version: 3, covers: [2, 3], method: 'clickwrap' }] })
    const { docs } = await setup.assent.payload.find({ collection: 'acceptances', where: { source: { equals: 'embed' } }, depth: 0 })
    expect(docs.map((a) => [a.versionNumber, a.covers])).toEqual([[3, [2, 3]]])

    // The redline the banner links to reads from the version Carol accepted to the one she now has.
    await page.goto(`${setup.assent.baseUrl}/legal/${setup.slug}/compare/1/3`)
    await expect(page.locator('ins', { hasText: 'five years' }).count()).resolves.toBeGreaterThan(0)
  })
})
