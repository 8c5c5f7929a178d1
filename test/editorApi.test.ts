import { beforeAll, describe, expect, it } from 'vitest'

import { markdownToBody } from '../src/services/publishing/lexicalMarkdown'
import { IMPORT_CONTEXT_FLAG } from '../src/services/publishing/freezeVersion'
import { makePolicy, makeSubject } from './support/fixtures'
import { useStaffApp } from './support/staff'

const staff = useStaffApp()
const DAY_MS = 86_400_000
const FIRST = '# Policy\n\nWe keep your data safe.\n\nWe never sell it.'
const inDays = (n: number) => new Date(Date.now() + n * DAY_MS)
const midnight = (d: Date) => `${d.toISOString().slice(0, 10)}T00:00:00.000Z`

interface ErrorBody { error: { code: string; message: string; fields?: unknown[] } }
const json = async <T>(res: Response) => (await res.json()) as T

/** A policy with version 1 published (imported, in force since 2020). */
async function publishedPolicy(over: Record<string, unknown> = {}) {
  const { payload } = staff.app
  const policy = await makePolicy(payload, over)
  await payload.create({
    collection: 'policy-versions',
    data: { policy: policy.id, changeClass: 'material', summary: 'First version.', effectiveAt: '2020-01-01T00:00:00.000Z', body: (await markdownToBody(payload.config, FIRST)) as never, _status: 'published' },
    context: { [IMPORT_CONTEXT_FLAG]: true },
  })
  return policy
}

async function startRevision(slug: string, caller: 'editor' | 'admin' = 'editor') {
  const res = await staff.request(caller, 'POST', `/api/v1/policies/${slug}/revisions`, {})
  return { res, body: await json<{ id: number; created: boolean; basedOn: number | null; editUrl: string }>(res) }
}

const versionsOf = async (policyId: number | string) =>
  (await staff.app.payload.find({ collection: 'policy-versions', where: { policy: { equals: policyId } }, depth: 0, pagination: false })).docs
const noticesOf = async (versionId: number | string) =>
  (await staff.app.payload.count({ collection: 'notices', where: { version: { equals: versionId } } })).totalDocs

describe('starting a revision', () => {
  it('opens a draft of the next version holding the newest published text, and returns the same draft while it is open', async () => {
    const policy = await publishedPolicy()
    const first = await startRevision(policy.slug)
    expect(first.res.status).toBe(201)
    expect(first.body).toMatchObject({ created: true, basedOn: 1, editUrl: `/admin/collections/policy-versions/${first.body.id}` })

    const redline = await json<{ basedOn: number; changes: number; html: string }>(await staff.request('editor', 'POST', `/api/v1/policy-versions/${first.body.id}/redline`, {}))
    expect(redline).toMatchObject({ basedOn: 1, changes: 0 })
    expect(redline.html).toContain('We never sell it.')

    const again = await startRevision(policy.slug, 'admin')
    expect(again.res.status).toBe(200)
    expect(again.body).toMatchObject({ id: first.body.id, created: false })
    expect((await versionsOf(policy.id)).length).toBe(2)
  })

  it('refuses auditors (403), anonymous callers (401), unknown policies (404) and non-JSON bodies (415), creating nothing', async () => {
    const policy = await publishedPolicy()
    const path = `/api/v1/policies/${policy.slug}/revisions`
    const auditor = await staff.request('auditor', 'POST', path, {})
    expect([auditor.status, (await json<ErrorBody>(auditor)).error.code]).toEqual([403, 'forbidden'])
    expect((await staff.request('anonymous', 'POST', path, {})).status).toBe(401)
    const unknown = await staff.request('editor', 'POST', '/api/v1/policies/no-such-policy/revisions', {})
    expect([unknown.status, (await json<ErrorBody>(unknown)).error.code]).toEqual([404, 'policy_not_found'])
    const form = await fetch(`${staff.app.baseUrl}${path}`, { method: 'POST', headers: { authorization: `JWT ${staff.tokens.editor}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' })
    expect([form.status, (await json<ErrorBody>(form)).error.code]).toEqual([415, 'unsupported_media_type'])
    expect((await versionsOf(policy.id)).length).toBe(1)
  })
})

describe('the redline while drafting', () => {
  it('compares the document as typed with the version it follows', async () => {
    const policy = await publishedPolicy()
    const { body: draft } = await startRevision(policy.slug)
    const edited = await markdownToBody(staff.app.payload.config, '# Policy\n\nWe keep your data safe for 24 months.\n\nWe never sell it.')
    const res = await staff.request('editor', 'POST', `/api/v1/policy-versions/${draft.id}/redline`, { body: edited })
    expect(res.status).toBe(200)
    const redline = await json<{ changes: number; html: string }>(res)
    expect(redline.changes).toBe(1)
    expect(redline.html).toContain('<ins>')
    expect(redline.html).toContain('24')
  })

  it('shows no change where the editor only turned an address into an autolink on opening the document', async () => {
    const policy = await publishedPolicy()
    const { body: draft } = await startRevision(policy.slug)
    const opened = await markdownToBody(staff.app.payload.config, `${FIRST}\n\nWrite to privacy@example.com.`)
    const published = await staff.request('editor', 'POST', `/api/v1/policy-versions/${draft.id}/publish`, { changeClass: 'informational', summary: 'Adds an address.', body: opened })
    expect(published.status).toBe(201)
    const { body: next } = await startRevision(policy.slug)
    const autolinked = structuredClone(opened) as unknown as { root: { children: Array<{ children: Array<Record<string, unknown>> }> } }
    const last = autolinked.root.children.at(-1)!
    last.children = [{ type: 'text', text: 'Write to ', format: 0, version: 1 }, { type: 'autolink', fields: { linkType: 'custom', url: 'mailto:privacy@example.com' }, children: [{ type: 'text', text: 'privacy@example.com', format: 0, version: 1 }], version: 2 }, { type: 'text', text: '.', format: 0, version: 1 }]
    const redline = await json<{ changes: number }>(await staff.request('editor', 'POST', `/api/v1/policy-versions/${next.id}/redline`, { body: autolinked }))
    expect(redline.changes).toBe(0)
  })

  it('answers 400 for a body that is not a document and 404 for an unknown draft', async () => {
    const policy = await publishedPolicy()
    const { body: draft } = await startRevision(policy.slug)
    const bad = await staff.request('editor', 'POST', `/api/v1/policy-versions/${draft.id}/redline`, { body: { root: 'nope' } })
    expect([bad.status, (await json<ErrorBody>(bad)).error.code]).toEqual([400, 'validation_failed'])
    const missing = await staff.request('editor', 'POST', '/api/v1/policy-versions/999999/redline', {})
    expect([missing.status, (await json<ErrorBody>(missing)).error.code]).toEqual([404, 'version_not_found'])
  })
})

describe('the publish dialog', () => {
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) await makeSubject(staff.app.payload)
  })

  it('plans: suggests the earliest effective date of each class and counts who will be told', async () => {
    const policy = await publishedPolicy({ noticePeriodDays: 14 })
    const { body: draft } = await startRevision(policy.slug)
    const res = await staff.request('editor', 'GET', `/api/v1/policy-versions/${draft.id}/publishing-plan`)
    expect(res.status).toBe(200)
    const plan = await json<{ nextVersion: number; earliestEffectiveAt: Record<string, string | null>; audience: { subjects: number; withEmail: number }; canOverride: boolean }>(res)
    const subjects = (await staff.app.payload.count({ collection: 'subjects', where: { erasedAt: { exists: false } } })).totalDocs
    expect(plan.nextVersion).toBe(2)
    expect(plan.earliestEffectiveAt.editorial).toBeNull()
    expect(plan.earliestEffectiveAt.informational).toBeNull()
    expect(plan.earliestEffectiveAt.material).toBe(midnight(inDays(15)))
    expect(plan.audience).toEqual({ subjects, withEmail: subjects })
    expect(plan.canOverride).toBe(false)
  })

  it('refuses a publication without summary or change class, or dated too early, and publishes nothing', async () => {
    const policy = await publishedPolicy()
    const { body: draft } = await startRevision(policy.slug)
    const path = `/api/v1/policy-versions/${draft.id}/publish`

    const noSummary = await staff.request('editor', 'POST', path, { changeClass: 'material', summary: '  ', effectiveAt: midnight(inDays(40)) })
    expect(noSummary.status).toBe(400)
    expect((await json<ErrorBody>(noSummary)).error).toMatchObject({ code: 'validation_failed', fields: [{ field: 'summary' }] })
    const noClass = await staff.request('editor', 'POST', path, { summary: 'Something changed.' })
    expect((await json<ErrorBody>(noClass)).error).toMatchObject({ code: 'validation_failed', fields: [{ field: 'changeClass' }] })
    const early = await staff.request('editor', 'POST', path, { changeClass: 'material', summary: 'Something changed.', effectiveAt: midnight(inDays(10)) })
    expect(early.status).toBe(422)
    expect((await json<ErrorBody>(early)).error).toMatchObject({ code: 'effective_date_too_early', fields: ['effectiveAt'] })
    const override = await staff.request('editor', 'POST', path, { changeClass: 'material', summary: 'Something changed.', effectiveAt: midnight(inDays(10)), effectiveOverrideReason: 'Regulator asked.' })
    expect([override.status, (await json<ErrorBody>(override)).error.code]).toEqual([403, 'override_requires_admin'])

    const versions = await versionsOf(policy.id)
    expect(versions.filter((v) => v.publishedAt).length).toBe(1)
    expect(await noticesOf(draft.id)).toBe(0)
  })

  it('lets an admin, and only with a reason, publish a material change sooner than the notice period', async () => {
    const policy = await publishedPolicy()
    const { body: draft } = await startRevision(policy.slug, 'admin')
    const path = `/api/v1/policy-versions/${draft.id}/publish`
    const soon = { changeClass: 'material', summary: 'Urgent security fix.', effectiveAt: midnight(inDays(2)) }
    const plan = await json<{ canOverride: boolean }>(await staff.request('admin', 'GET', `/api/v1/policy-versions/${draft.id}/publishing-plan`))
    expect(plan.canOverride).toBe(true)
    const noReason = await staff.request('admin', 'POST', path, soon)
    expect([noReason.status, (await json<ErrorBody>(noReason)).error.code]).toEqual([422, 'effective_date_too_early'])
    const res = await staff.request('admin', 'POST', path, { ...soon, effectiveOverrideReason: 'A regulator required the fix within days.' })
    expect(res.status, await res.clone().text()).toBe(201)
    const stored = await staff.app.payload.findByID({ collection: 'policy-versions', id: draft.id, depth: 0 })
    expect(stored).toMatchObject({ version: 2, effectiveAt: soon.effectiveAt, effectiveOverrideReason: 'A regulator required the fix within days.' })
  })

  it('publishes with the chosen class, summary and date, queues the notices, and then refuses to publish again', async () => {
    const policy = await publishedPolicy()
    const { body: draft } = await startRevision(policy.slug)
    const edited = await markdownToBody(staff.app.payload.config, `${FIRST}\n\nWe answer requests within 30 days.`)
    const effectiveAt = midnight(inDays(32))
    const res = await staff.request('editor', 'POST', `/api/v1/policy-versions/${draft.id}/publish`, { changeClass: 'material', summary: 'Adds how fast we answer requests.', effectiveAt, body: edited })
    expect(res.status, await res.clone().text()).toBe(201)
    const published = await json<{ version: number; effectiveAt: string; contentHash: string; notices: { email: number; banner: number } }>(res)
    const subjects = (await staff.app.payload.count({ collection: 'subjects', where: { erasedAt: { exists: false } } })).totalDocs
    expect(published).toMatchObject({ version: 2, effectiveAt, notices: { email: subjects, banner: subjects } })
    const view = await json<{ text: string; contentHash: string; summary: string }>(await fetch(`${staff.app.baseUrl}/api/v1/policies/${policy.slug}/versions/2`))
    expect(view.text).toContain('We answer requests within 30 days.')
    expect(view).toMatchObject({ contentHash: published.contentHash, summary: 'Adds how fast we answer requests.' })

    const again = await staff.request('editor', 'POST', `/api/v1/policy-versions/${draft.id}/publish`, { changeClass: 'editorial', summary: 'Sneaky edit.' })
    expect([again.status, (await json<ErrorBody>(again)).error.code]).toEqual([409, 'version_frozen'])
  })

  it('previews the public page, the banner and the email with the dialog\'s choices, for staff only', async () => {
    const policy = await publishedPolicy({ title: 'Preview Policy' })
    const { body: draft } = await startRevision(policy.slug)
    const query = `changeClass=material&summary=${encodeURIComponent('Adds <b>retention</b> periods.')}&effectiveAt=2031-05-01`
    const page = await staff.request('editor', 'GET', `/api/v1/policy-versions/${draft.id}/page-preview?${query}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    const pageHtml = await page.text()
    expect(pageHtml).toContain('Preview: version 2 is not published')
    expect(pageHtml).toContain('Adds &lt;b&gt;retention&lt;/b&gt; periods.')
    expect(pageHtml).toContain('1 May 2031')
    const banner = await (await staff.request('editor', 'GET', `/api/v1/policy-versions/${draft.id}/banner-preview?${query}`)).text()
    expect(banner).toMatch(/Preview Policy<\/strong> \(version 2, takes effect on 1 May 2031\): Adds &lt;b&gt;retention&lt;\/b&gt; periods\./)
    expect(banner).toContain('>Accept</button>')
    const email = await (await staff.request('editor', 'GET', `/api/v1/policy-versions/${draft.id}/notice-preview?part=text&${query}`)).text()
    expect(email).toContain('Adds <b>retention</b> periods.')

    const bad = await staff.request('editor', 'GET', `/api/v1/policy-versions/${draft.id}/page-preview?effectiveAt=2031-02-31`)
    expect([bad.status, (await json<ErrorBody>(bad)).error.code]).toEqual([400, 'validation_failed'])
    expect((await staff.request('anonymous', 'GET', `/api/v1/policy-versions/${draft.id}/banner-preview`)).status).toBe(401)
  })
})

describe('the two-person rule', () => {
  let second: string

  beforeAll(async () => {
    const email = 'second-editor@example.com'
    await staff.app.payload.create({ collection: 'users', data: { email, password: 'another-long-password', role: 'editor' } })
    const login = await fetch(`${staff.app.baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'another-long-password' }) })
    second = ((await login.json()) as { token: string }).token
  })

  const asSecond = (method: string, path: string, body?: unknown) =>
    fetch(`${staff.app.baseUrl}${path}`, { method, headers: { authorization: `JWT ${second}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })

  it('needs a second editor\'s approval of exactly what is published, from someone other than the publisher', async () => {
    const { payload } = staff.app
    const policy = await publishedPolicy({ requireSecondApproval: true })
    const { body: draft } = await startRevision(policy.slug)
    await payload.update({ collection: 'policy-versions', id: draft.id, data: { changeClass: 'material', summary: 'Shares data with a new processor.' }, draft: true })
    const choices = { changeClass: 'material', summary: 'Shares data with a new processor.', effectiveAt: midnight(inDays(31)) }
    const publish = (request: (method: string, path: string, body?: unknown) => Promise<Response>, over: Record<string, unknown> = {}) =>
      request('POST', `/api/v1/policy-versions/${draft.id}/publish`, { ...choices, ...over })
    const asEditor = (method: string, path: string, body?: unknown) => staff.request('editor', method, path, body)

    const unapproved = await publish(asEditor)
    expect([unapproved.status, (await json<ErrorBody>(unapproved)).error.code]).toEqual([409, 'approval_required'])

    expect((await asEditor('POST', `/api/v1/policy-versions/${draft.id}/approval`, {})).status).toBe(201)
    const selfApproved = await publish(asEditor)
    expect([selfApproved.status, (await json<ErrorBody>(selfApproved)).error.code]).toEqual([403, 'approval_by_publisher'])

    expect((await asSecond('POST', `/api/v1/policy-versions/${draft.id}/approval`, {})).status).toBe(201)
    const changedSummary = await publish(asEditor, { summary: 'Something else.' })
    expect([changedSummary.status, (await json<ErrorBody>(changedSummary)).error.code]).toEqual([409, 'approval_stale'])
    expect((await versionsOf(policy.id)).filter((v) => v.publishedAt).length).toBe(1)

    const plan = await json<{ approval: { approvedBy: string; coversSavedDraft: boolean } }>(await asEditor('GET', `/api/v1/policy-versions/${draft.id}/publishing-plan`))
    expect(plan.approval).toMatchObject({ approvedBy: 'second-editor@example.com', coversSavedDraft: true })
    const res = await publish(asEditor)
    expect(res.status, await res.clone().text()).toBe(201)
    const stored = await payload.findByID({ collection: 'policy-versions', id: draft.id, depth: 0 })
    expect(stored.version).toBe(2)
    expect(stored.approvedBy).not.toBeNull()
  })

  it('leaves informational versions and policies without the rule alone, and refuses approval by auditors or of a published version', async () => {
    const policy = await publishedPolicy({ requireSecondApproval: true })
    const { body: draft } = await startRevision(policy.slug)
    const auditor = await staff.request('auditor', 'POST', `/api/v1/policy-versions/${draft.id}/approval`, {})
    expect([auditor.status, (await json<ErrorBody>(auditor)).error.code]).toEqual([403, 'forbidden'])
    const incomplete = await asSecond('POST', `/api/v1/policy-versions/${draft.id}/approval`, {})
    expect([incomplete.status, (await json<ErrorBody>(incomplete)).error.code]).toEqual([400, 'validation_failed'])
    const res = await staff.request('editor', 'POST', `/api/v1/policy-versions/${draft.id}/publish`, { changeClass: 'informational', summary: 'Clarifies wording.' })
    expect(res.status, await res.clone().text()).toBe(201)
    const frozen = await asSecond('POST', `/api/v1/policy-versions/${draft.id}/approval`, {})
    expect([frozen.status, (await json<ErrorBody>(frozen)).error.code]).toEqual([409, 'version_frozen'])
  })
})
