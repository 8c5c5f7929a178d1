import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseRevisionFile } from '../src/formats/parseRevisionFile'
import { createApiKey } from '../src/services/staff/apiKeys'
import { importHistory } from '../src/services/publishing/importHistory'
import { publishFromMarkdown } from '../src/services/publishing/publishFromMarkdown'
import { makePolicy } from './support/fixtures'
import { startTestApp, type TestApp } from './support/testApp'

let app: TestApp
let key: string
let editor: never
const DAY = 86_400_000

beforeAll(async () => {
  // A file, so SQLite runs take the lean write path production takes (a SQLite file).
  app = await startTestApp({ sharedDatabase: true })
  key = (await createApiKey(app.payload, 'host product', 'integration')).key
  editor = { ...(await app.payload.create({ collection: 'users', data: { email: 'cumulative-editor@example.com', password: 'long-enough-password', role: 'editor' } })), collection: 'users' } as never
})
afterAll(() => app?.close())

const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}
const statusOf = async (subject: string) => (await call('GET', `/api/v1/subjects/${subject}/status`)).body
const owedOf = async (subject: string, slug: string) => (await statusOf(subject)).policies.find((p: { policy: string }) => p.policy === slug).owed

const text = (n: number) => `# Terms\n\nRevision ${n}: we keep your data for ${n} months.`

/** A clickwrap policy like the seed's privacy policy after the case: version 1 in force,
 * version 2 (material) and version 3 (informational) both taking effect on the same later day. */
async function skippedMaterialPolicy() {
  const policy = await makePolicy(app.payload, { noticePeriodDays: 30 })
  await importHistory(app.payload, policy.slug, [parseRevisionFile('2020-01-01.md', `---\nchangeClass: material\nsummary: First terms.\n---\n${text(1)}`)])
  const later = new Date(Date.now() + 40 * DAY).toISOString()
  await publishFromMarkdown(app.payload, editor, policy.slug, { markdown: text(2), changeClass: 'material', summary: 'We keep data longer and add sub-processors.', effectiveAt: later })
  await publishFromMarkdown(app.payload, editor, policy.slug, { markdown: text(3), changeClass: 'informational', summary: 'A new contact address.', effectiveAt: later })
  return policy.slug
}

describe('what a subject who skipped versions is told', () => {
  it('names every version since the last acceptance, links one redline from it, and asks for the strongest action', async () => {
    const slug = await skippedMaterialPolicy()
    await call('PUT', '/api/v1/subjects/skipper', {})
    const v1 = await owedOf('skipper', slug)
    expect(v1).toMatchObject({ version: 1, since: null, changes: [expect.objectContaining({ version: 1 })] })
    expect((await call('POST', '/api/v1/acceptances', { subject: 'skipper', versions: [{ policy: slug, version: 1, contentHash: v1.contentHash }], method: 'api', source: 'api' })).status).toBe(201)

    const owed = await owedOf('skipper', slug)
    expect(owed).toMatchObject({ action: 'accept', version: 3, since: 1, upcoming: true })
    expect(owed.redlineUrl).toMatch(new RegExp(`/legal/${slug}/compare/1/3$`))
    expect(owed.changes.map((c: { version: number; changeClass: string; summary: string }) => [c.version, c.changeClass, c.summary])).toEqual([
      [2, 'material', 'We keep data longer and add sub-processors.'],
      [3, 'informational', 'A new contact address.'],
    ])
    // Version 3 takes effect on version 2's date: version 2 never will, and the subject is told so.
    expect(owed.changes.map((c: { supersededBeforeEffectBy: number | null }) => c.supersededBeforeEffectBy)).toEqual([3, null])
    const { banner } = await statusOf('skipper')
    expect(banner.text).toContain('Version 2 (material, replaced by version 3 before it took effect): We keep data longer')
    expect(banner.text).toContain('2 versions since version 1')
    expect(banner.text).toContain('We keep data longer and add sub-processors.')
    expect(banner.text).toContain('A new contact address.')
    expect(banner.html).toContain(`/legal/${slug}/compare/1/3`)
  })

  it('records which versions an acceptance covers, in the acceptance and in its ledger entry', async () => {
    const slug = await skippedMaterialPolicy()
    await call('PUT', '/api/v1/subjects/coverer', {})
    const first = await owedOf('coverer', slug)
    await call('POST', '/api/v1/acceptances', { subject: 'coverer', versions: [{ policy: slug, version: 1, contentHash: first.contentHash }], method: 'api', source: 'api' })
    const owed = await owedOf('coverer', slug)
    const accepted = await call('POST', '/api/v1/acceptances', { subject: 'coverer', versions: [{ policy: slug, version: 3, contentHash: owed.contentHash }], method: 'api', source: 'api' })
    expect(accepted.status).toBe(201)
    expect(await owedOf('coverer', slug)).toBeNull()

    const { docs } = await app.payload.find({ collection: 'acceptances', where: { 'subject.externalId': { equals: 'coverer' } }, sort: 'versionNumber', depth: 0 })
    expect(docs.map((a) => [a.versionNumber, a.covers])).toEqual([[1, [1]], [3, [2, 3]]])
    expect(accepted.body.acceptances[0]).toMatchObject({ version: 3, covers: [2, 3] })
    const { docs: [entry] } = await app.payload.find({ collection: 'ledger-entries', where: { seq: { equals: accepted.body.acceptances[0].receipt.ledgerSeq } }, depth: 0 })
    expect(JSON.parse(entry.body).record).toMatchObject({ versionNumber: 3, covers: [2, 3] })
    // Accepting it again answers with what the first acceptance covers, not a recomputation.
    const again = await call('POST', '/api/v1/acceptances', { subject: 'coverer', versions: [{ policy: slug, version: 3, contentHash: owed.contentHash }], method: 'api', source: 'api' })
    expect(again).toMatchObject({ status: 200, body: { acceptances: [{ alreadyAccepted: true, covers: [2, 3] }] } })
  })

  it('gives a subject who accepted nothing the owed version to read, not the last small change', async () => {
    const policy = await makePolicy(app.payload, { noticePeriodDays: 30 })
    const files = [
      parseRevisionFile('2020-01-01.md', `---\nchangeClass: material\nsummary: First.\n---\n${text(1)}`),
      parseRevisionFile('2021-01-01.md', `---\nchangeClass: material\nsummary: Big change.\n---\n${text(2)}`),
      parseRevisionFile('2022-01-01.md', `---\nchangeClass: editorial\nsummary: Typo.\n---\n${text(2)}.`),
    ]
    await importHistory(app.payload, policy.slug, files)
    await call('PUT', '/api/v1/subjects/newcomer-3', {})
    const owed = await owedOf('newcomer-3', policy.slug)
    expect(owed).toMatchObject({ action: 'accept', version: 3, since: null })
    expect(owed.redlineUrl).toBe(owed.versionUrl)
    expect(owed.redlineUrl).toMatch(new RegExp(`/legal/${policy.slug}/versions/3$`))
    expect(owed.changes.map((c: { version: number }) => c.version)).toEqual([3])
  })
})
