import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApiKey } from '../src/services/staff/apiKeys'
import { markdownToBody } from '../src/services/publishing/lexicalMarkdown'
import { makePolicy, makeSubject } from './support/fixtures'
import { startTestApp, type TestApp } from './support/testApp'

// The status check keeps policies, published versions and the banner's wording between calls;
// what an editor changes must still show in the very next check.
let app: TestApp
let key: string

beforeAll(async () => {
  // A file, so SQLite runs take the prepared-statement reader that production uses.
  app = await startTestApp({ sharedDatabase: true })
  key = (await createApiKey(app.payload, 'host product', 'integration')).key
})
afterAll(() => app?.close())

/** A version already in force, as an import of history writes it. */
const publishInForce = async (policy: number, effectiveAt: string, markdown: string) =>
  app.payload.create({
    collection: 'policy-versions',
    data: { policy, changeClass: 'material', summary: 'A change.', effectiveAt, body: (await markdownToBody(app.payload.config, markdown)) as never, _status: 'published' },
    context: { assentImport: true },
  })

const status = async (externalId: string) => {
  const res = await fetch(`${app.baseUrl}/api/v1/subjects/${externalId}/status`, { headers: { authorization: `Bearer ${key}` } })
  expect(res.status).toBe(200)
  return (await res.json()) as { current: boolean; policies: Array<{ policy: string; title: string; owed: { version: number } | null }>; banner: { html: string; text: string } | null }
}

describe('the status check after editors change things', () => {
  it('shows a newly published version, an edited policy title, a new policy and new banner wording at once', async () => {
    const subject = await makeSubject(app.payload)
    const policy = await makePolicy(app.payload, { title: 'Cookie Policy' })
    await publishInForce(policy.id, '2024-01-01T00:00:00.000Z', '# Cookies\n\nWe use cookies.')
    const first = await status(subject.externalId)
    expect(first.policies.find((p) => p.policy === policy.slug)?.owed?.version).toBe(1)

    await publishInForce(policy.id, '2024-06-01T00:00:00.000Z', '# Cookies\n\nWe use fewer cookies.')
    expect((await status(subject.externalId)).policies.find((p) => p.policy === policy.slug)?.owed?.version).toBe(2)

    await app.payload.update({ collection: 'policies', id: policy.id, data: { title: 'Cookies and Trackers' } })
    expect((await status(subject.externalId)).policies.find((p) => p.policy === policy.slug)?.title).toBe('Cookies and Trackers')

    const other = await makePolicy(app.payload, { title: 'Acceptable Use' })
    await publishInForce(other.id, '2024-01-01T00:00:00.000Z', '# Use\n\nBe kind.')
    expect((await status(subject.externalId)).policies.map((p) => p.policy)).toContain(other.slug)

    await app.payload.updateGlobal({ slug: 'banner-template', data: { intro: 'Changed: please read', consentLead: 'Clicking Accept means you agree to the' } })
    const after = await status(subject.externalId)
    expect(after.banner?.html).toContain('<p class="assent-intro">Changed: please read</p>')
    expect(after.banner?.html).toContain('Cookies and Trackers')
    expect(after.banner?.text).toMatch(/^Changed: please read\n/)
  })

  it('answers 404 for an unknown subject and creates one on request', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/subjects/nobody-here/status`, { headers: { authorization: `Bearer ${key}` } })
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('subject_not_found')
    const created = await fetch(`${app.baseUrl}/api/v1/subjects/nobody-here/status?create=true`, { headers: { authorization: `Bearer ${key}` } })
    expect(created.status).toBe(200)
    expect(((await created.json()) as { subject: string }).subject).toBe('nobody-here')
  })
})
