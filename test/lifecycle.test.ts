import { beforeAll, describe, expect, it } from 'vitest'

import { contentHash } from '../src/domain/contentHash'
import { policyTimeline } from '../src/services/policies/policyTimeline'
import { publicReads } from '../src/services/legalCenter/publicReads'
import { makePolicy, makeVersion } from './support/fixtures'
import { useStaffApp } from './support/staff'

const staff = useStaffApp()

const DAY = 86_400_000
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString()
const versionsOf = async (policyId: number | string) =>
  (await staff.app.payload.find({ collection: 'policy-versions', where: { policy: { equals: policyId } }, sort: 'version', draft: true, pagination: false })).docs

describe('publishing', () => {
  it('assigns 1, 2, 3… per policy and freezes text, HTML and content hash', async () => {
    const policy = await makePolicy(staff.app.payload)
    const other = await makePolicy(staff.app.payload)
    const v1 = await makeVersion(staff.app.payload, policy.id, { _status: 'published' }, '# Terms\n\nFirst text.')
    const o1 = await makeVersion(staff.app.payload, other.id, { _status: 'published' })
    const v2 = await makeVersion(staff.app.payload, policy.id, { _status: 'published' }, '# Terms\n\nSecond text.')
    expect([v1.version, v2.version, o1.version]).toEqual([1, 2, 1])
    expect(v2.text).toBe('# Terms\n\nSecond text.\n')
    // Headings carry the anchors the version page and its redlines link to.
    expect(v2.html).toBe('<h1 id="terms">Terms</h1>\n<p>Second text.</p>\n')
    expect(v2.contentHash).toBe(contentHash('# Terms\n\nSecond text.'))
    expect(new Date(v2.publishedAt!).getTime()).toBeLessThanOrEqual(Date.now())
  })

  it('records who published, through the admin REST API', async () => {
    const policy = await makePolicy(staff.app.payload)
    const draft = await makeVersion(staff.app.payload, policy.id)
    const res = await staff.request('editor', 'PATCH', `/api/policy-versions/${draft.id}`, { _status: 'published' })
    expect(res.status).toBe(200)
    const published = await staff.app.payload.findByID({ collection: 'policy-versions', id: draft.id, depth: 1 })
    expect(published.version).toBe(1)
    expect((published.publishedBy as { email: string }).email).toBe('editor@example.com')
  })

  it('keeps every saved draft (no pruning at 100)', async () => {
    const policy = await makePolicy(staff.app.payload)
    const draft = await makeVersion(staff.app.payload, policy.id)
    for (let i = 0; i < 105; i++) {
      await staff.app.payload.update({ collection: 'policy-versions', id: draft.id, data: { summary: `draft ${i}` }, draft: true })
    }
    const { totalDocs } = await staff.app.payload.findVersions({ collection: 'policy-versions', where: { parent: { equals: draft.id } }, limit: 1 })
    expect(totalDocs).toBeGreaterThanOrEqual(105)
  })

  it('ignores frozen fields sent by a caller', async () => {
    const policy = await makePolicy(staff.app.payload)
    const draft = await makeVersion(staff.app.payload, policy.id)
    await staff.request('editor', 'PATCH', `/api/policy-versions/${draft.id}`, { _status: 'published', version: 99, contentHash: 'forged', publishedAt: '2000-01-01T00:00:00Z' })
    const published = await staff.app.payload.findByID({ collection: 'policy-versions', id: draft.id })
    expect(published.version).toBe(1)
    expect(published.contentHash).toBe(contentHash(published.text!))
    expect(published.publishedAt).not.toBe('2000-01-01T00:00:00.000Z')
  })
})

describe('a published version is frozen for everyone', () => {
  let publishedId: number | string
  let frozenHash: string | null | undefined
  beforeAll(async () => {
    const policy = await makePolicy(staff.app.payload)
    const v = await makeVersion(staff.app.payload, policy.id, { _status: 'published' })
    publishedId = v.id
    frozenHash = v.contentHash
  })

  it('refuses an edit through the Local API, even with access overridden', async () => {
    await expect(staff.app.payload.update({ collection: 'policy-versions', id: publishedId, data: { summary: 'rewritten' } }))
      .rejects.toMatchObject({ code: 'version_frozen', status: 409 })
  })

  it('refuses a draft save on top of it', async () => {
    await expect(staff.app.payload.update({ collection: 'policy-versions', id: publishedId, data: { summary: 'rewritten' }, draft: true }))
      .rejects.toMatchObject({ code: 'version_frozen' })
  })

  it('refuses publishing it a second time', async () => {
    const res = await staff.request('admin', 'PATCH', `/api/policy-versions/${publishedId}`, { _status: 'published' })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    await expect(staff.app.payload.update({ collection: 'policy-versions', id: publishedId, data: { _status: 'published' } }))
      .rejects.toMatchObject({ code: 'version_frozen', status: 409 })
  })

  it('refuses unpublishing it', async () => {
    await expect(staff.app.payload.update({ collection: 'policy-versions', id: publishedId, data: { _status: 'draft' } }))
      .rejects.toMatchObject({ code: 'version_frozen' })
  })

  it('refuses deletion through the Local API, even with access overridden', async () => {
    await expect(staff.app.payload.delete({ collection: 'policy-versions', id: publishedId })).rejects.toMatchObject({ code: 'version_frozen' })
  })

  it('refuses an admin editing or deleting it over REST', async () => {
    expect((await staff.request('admin', 'PATCH', `/api/policy-versions/${publishedId}`, { summary: 'x' })).status).toBeGreaterThanOrEqual(400)
    expect((await staff.request('admin', 'DELETE', `/api/policy-versions/${publishedId}`)).status).toBeGreaterThanOrEqual(400)
  })

  it('refuses a bulk update or delete that matches it', async () => {
    await staff.app.payload.update({ collection: 'policy-versions', where: { id: { equals: publishedId } }, data: { summary: 'bulk' } })
    await staff.app.payload.delete({ collection: 'policy-versions', where: { id: { equals: publishedId } } })
    const after = await staff.app.payload.findByID({ collection: 'policy-versions', id: publishedId })
    expect(after.summary).toBe('A change')
  })

  it('refuses restoring an older draft over it', async () => {
    const { docs } = await staff.app.payload.findVersions({ collection: 'policy-versions', where: { parent: { equals: publishedId } } })
    const oldest = docs.at(-1)!
    await expect(staff.app.payload.restoreVersion({ collection: 'policy-versions', id: oldest.id })).rejects.toBeDefined()
  })

  it('is unchanged after every refused attempt', async () => {
    const after = await staff.app.payload.findByID({ collection: 'policy-versions', id: publishedId })
    expect(after.contentHash).toBe(frozenHash)
    expect(after.summary).toBe('A change')
  })
})

describe('effective dates', () => {
  it('refuses a material version inside the notice period and writes nothing', async () => {
    const policy = await makePolicy(staff.app.payload, { noticePeriodDays: 30 })
    await expect(makeVersion(staff.app.payload, policy.id, { _status: 'published', changeClass: 'material', effectiveAt: inDays(10) }))
      .rejects.toMatchObject({ code: 'effective_date_too_early', status: 422 })
    expect(await versionsOf(policy.id)).toHaveLength(0)
  })

  it('accepts a material version after the notice period', async () => {
    const policy = await makePolicy(staff.app.payload, { noticePeriodDays: 30 })
    const v = await makeVersion(staff.app.payload, policy.id, { _status: 'published', changeClass: 'material', effectiveAt: inDays(31) })
    expect(v.version).toBe(1)
  })

  it('refuses a date earlier than an already published version', async () => {
    const policy = await makePolicy(staff.app.payload, { noticePeriodDays: 0 })
    await makeVersion(staff.app.payload, policy.id, { _status: 'published', effectiveAt: inDays(20) })
    await expect(makeVersion(staff.app.payload, policy.id, { _status: 'published', effectiveAt: inDays(5) }))
      .rejects.toMatchObject({ code: 'effective_date_before_later_version' })
  })

  it('lets only an admin override the notice period, with a reason', async () => {
    const policy = await makePolicy(staff.app.payload, { noticePeriodDays: 30 })
    const editorDraft = await makeVersion(staff.app.payload, policy.id, { changeClass: 'material', effectiveAt: inDays(2), effectiveOverrideReason: 'Court order' })
    const asEditor = await staff.request('editor', 'PATCH', `/api/policy-versions/${editorDraft.id}`, { _status: 'published' })
    expect(asEditor.status).toBe(403)
    const asAdmin = await staff.request('admin', 'PATCH', `/api/policy-versions/${editorDraft.id}`, { _status: 'published' })
    expect(asAdmin.status).toBe(200)
  })
})

describe('version in force and upcoming', () => {
  it('answers which version is in force at any time and which is coming', async () => {
    const policy = await makePolicy(staff.app.payload, { noticePeriodDays: 0 })
    await makeVersion(staff.app.payload, policy.id, { _status: 'published', effectiveAt: inDays(0.001) })
    await makeVersion(staff.app.payload, policy.id, { _status: 'published', changeClass: 'material', effectiveAt: inDays(40) })
    const now = await policyTimeline(await publicReads(staff.app.payload), policy.slug, new Date(Date.now() + DAY))
    expect(now.inForce?.version).toBe(1)
    expect(now.upcoming.map((v) => v.version)).toEqual([2])
    const later = await policyTimeline(await publicReads(staff.app.payload), policy.slug, new Date(Date.now() + 41 * DAY))
    expect(later.inForce?.version).toBe(2)
    expect(later.upcoming).toEqual([])
  })

  it('ignores drafts', async () => {
    const policy = await makePolicy(staff.app.payload)
    await makeVersion(staff.app.payload, policy.id, { effectiveAt: inDays(-1) })
    expect((await policyTimeline(await publicReads(staff.app.payload), policy.slug, new Date())).inForce).toBeUndefined()
  })
})

describe('creating a version', () => {
  it('refuses a version for a policy that does not exist, writing nothing', async () => {
    const before = (await staff.app.payload.count({ collection: 'policy-versions' })).totalDocs
    const res = await staff.request('editor', 'POST', '/api/policy-versions', { policy: 987654, changeClass: 'editorial', summary: 'x', _status: 'published' })
    expect(res.status).toBe(404)
    expect(JSON.stringify(await res.json())).toContain('policy_not_found')
    expect((await staff.app.payload.count({ collection: 'policy-versions' })).totalDocs).toBe(before)
  })

  it('refuses publishing without the fields a published version needs', async () => {
    const policy = await makePolicy(staff.app.payload)
    const draft = await staff.app.payload.create({ collection: 'policy-versions', data: { policy: policy.id } as never, draft: true })
    const res = await staff.request('editor', 'PATCH', `/api/policy-versions/${draft.id}`, { _status: 'published' })
    expect(res.status).toBe(400)
    const after = await staff.app.payload.findByID({ collection: 'policy-versions', id: draft.id, draft: true })
    expect(after.publishedAt).toBeFalsy()
  })
})

describe('policies', () => {
  it('refuses a duplicate slug', async () => {
    const policy = await makePolicy(staff.app.payload)
    const res = await staff.request('editor', 'POST', '/api/policies', { title: 'Again', slug: policy.slug })
    expect(res.status).toBe(400)
  })

  it('refuses a slug that is not URL-safe', async () => {
    const res = await staff.request('editor', 'POST', '/api/policies', { title: 'Bad', slug: 'Not A Slug' })
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toContain('lowercase')
  })

  it('refuses deleting a policy that has versions', async () => {
    const policy = await makePolicy(staff.app.payload)
    await makeVersion(staff.app.payload, policy.id, { _status: 'published' })
    const res = await staff.request('admin', 'DELETE', `/api/policies/${policy.id}`)
    expect(res.status).toBe(409)
    expect(await staff.app.payload.findByID({ collection: 'policies', id: policy.id })).toBeDefined()
  })
})
