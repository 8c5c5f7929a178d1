import { describe, expect, it } from 'vitest'

import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { checkRecordsAgainstLedger } from '../src/services/ledger/checkRecordsAgainstLedger'
import { subjectStatus } from '../src/services/acceptance/subjectStatus'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { makePolicy, makeVersion } from './support/fixtures'
import { useStaffApp } from './support/staff'

// Issue 18, case 1: the rules a version was published under belong to the version. An editor
// can no longer change a policy's rules; an admin's change is a ledger entry and never reaches
// versions already published.
const staff = useStaffApp()
const payload = () => staff.app.payload
const DAY = 86_400_000

async function ledgerOf(kind: string) {
  const { docs } = await payload().find({ collection: 'ledger-entries', where: { kind: { equals: kind } }, sort: 'seq', pagination: false })
  return docs.map((e) => JSON.parse(e.body) as { seq: number; recordedAt: string; record: Record<string, unknown> })
}

async function userId(role: string) {
  return (await payload().find({ collection: 'users', where: { email: { equals: `${role}@example.com` } } })).docs[0].id
}

describe("an editor and a policy's rules", () => {
  it("refuses an editor's change of the notice period and approval rule (403 with a code) and changes nothing", async () => {
    const policy = await makePolicy(payload(), { requireSecondApproval: true, noticePeriodDays: 30 })
    const before = (await ledgerOf('policy-rules')).length
    const res = await staff.request('editor', 'PATCH', `/api/policies/${policy.id}`, { requireSecondApproval: false, noticePeriodDays: 0 })
    expect(res.status).toBe(403)
    expect(JSON.stringify(await res.json())).toContain('policy_rules_admin_only')
    expect(await payload().findByID({ collection: 'policies', id: policy.id })).toMatchObject({ requireSecondApproval: true, noticePeriodDays: 30 })
    expect(await ledgerOf('policy-rules')).toHaveLength(before)
  })

  it("refuses an editor's switch to continued use, and of the slug and bundle", async () => {
    const policy = await makePolicy(payload())
    for (const change of [{ acceptanceMode: 'continued-use' }, { slug: `${policy.slug}-moved` }, { bundle: 'account' }]) {
      const res = await staff.request('editor', 'PATCH', `/api/policies/${policy.id}`, change)
      expect(res.status, JSON.stringify(change)).toBe(403)
    }
    expect(await payload().findByID({ collection: 'policies', id: policy.id })).toMatchObject({ acceptanceMode: 'clickwrap', slug: policy.slug, bundle: null })
  })

  it('lets an editor save the whole form with the rules unchanged (a title edit)', async () => {
    const policy = await makePolicy(payload())
    const { id, createdAt, updatedAt, ...form } = policy
    void createdAt, void updatedAt
    const res = await staff.request('editor', 'PATCH', `/api/policies/${id}`, { ...form, title: 'Renamed by an editor' })
    expect(res.status).toBe(200)
    expect(await payload().findByID({ collection: 'policies', id })).toMatchObject({ title: 'Renamed by an editor', noticePeriodDays: 30 })
  })
})

describe("an admin's change of the rules", () => {
  it('is recorded in the ledger (who, when, before, after) and never applied to versions already published', async () => {
    const policy = await makePolicy(payload(), { noticePeriodDays: 30, requireSecondApproval: true })
    const v1 = await makeVersion(payload(), policy.id, { _status: 'published' })
    expect(v1.rules).toEqual({ acceptanceMode: 'clickwrap', noticePeriodDays: 30, requireSecondApproval: true })

    const res = await staff.request('admin', 'PATCH', `/api/policies/${policy.id}`, { noticePeriodDays: 0, acceptanceMode: 'continued-use' })
    expect(res.status).toBe(200)
    const entry = (await ledgerOf('policy-rules')).find((e) => e.record.policy === policy.id)!
    expect(entry.record).toMatchObject({
      changedBy: await userId('admin'),
      before: { acceptanceMode: 'clickwrap', noticePeriodDays: 30 },
      after: { acceptanceMode: 'continued-use', noticePeriodDays: 0 },
    })
    expect(Date.now() - new Date(entry.record.changedAt as string).getTime()).toBeLessThan(60_000)
    expect((await payload().findByID({ collection: 'policy-versions', id: v1.id })).rules).toEqual({ acceptanceMode: 'clickwrap', noticePeriodDays: 30, requireSecondApproval: true })

    const v2 = await makeVersion(payload(), policy.id, { _status: 'published' })
    expect(v2.rules).toEqual({ acceptanceMode: 'continued-use', noticePeriodDays: 0, requireSecondApproval: true })
  })

  it('writes no ledger entry for an edit that leaves the rules as they were', async () => {
    const policy = await makePolicy(payload())
    const before = (await ledgerOf('policy-rules')).length
    expect((await staff.request('admin', 'PATCH', `/api/policies/${policy.id}`, { title: 'Only the title', noticePeriodDays: 30 })).status).toBe(200)
    expect(await ledgerOf('policy-rules')).toHaveLength(before)
  })
})

describe('continued use is the rule of the version, not of the policy today', () => {
  it('never deems a clickwrap version accepted after the policy was switched to continued use', async () => {
    const policy = await makePolicy(payload(), { noticePeriodDays: 0 })
    const v1 = await makeVersion(payload(), policy.id, { _status: 'published' })
    const now = new Date()
    const effectiveAt = new Date(now.getTime() + DAY)
    await makeVersion(payload(), policy.id, { _status: 'published', changeClass: 'material', effectiveAt: effectiveAt.toISOString() }, '# Policy\n\nWe sell your data.')
    const externalId = `clicker-${process.pid}`
    await upsertSubjects(payload(), [{ externalId }])
    await recordAcceptance(payload(), { subject: externalId, versions: [{ policy: policy.slug, version: 1, contentHash: v1.contentHash! }], method: 'api', source: 'api' }, { now })
    const statusAt = async (at: Date, recordDisplay = false) =>
      (await subjectStatus(payload(), externalId, { now: at, publicUrl: 'https://legal.example.com', recordDisplay })).policies.find((p) => p.policy === policy.slug)!
    // The banner tells them of version 2 before it takes effect.
    expect((await statusAt(now, true)).owed).toMatchObject({ version: 2, action: 'accept', upcoming: true })

    const editor = await staff.request('editor', 'PATCH', `/api/policies/${policy.id}`, { acceptanceMode: 'continued-use' })
    expect(editor.status).toBe(403)
    expect((await staff.request('admin', 'PATCH', `/api/policies/${policy.id}`, { acceptanceMode: 'continued-use' })).status).toBe(200)

    const after = await statusAt(new Date(effectiveAt.getTime() + DAY))
    expect(after.owed).toMatchObject({ version: 2, action: 'accept' })
    const subject = (await payload().find({ collection: 'subjects', where: { externalId: { equals: externalId } } })).docs[0]
    const { docs } = await payload().find({ collection: 'acceptances', where: { subject: { equals: subject.id } }, depth: 0 })
    expect(docs.map((a) => a.method)).toEqual(['api'])
  })
})

describe('a continued-use acceptance of a clickwrap version', () => {
  it('is named by live verification, as the attack of case 1 would have left it', async () => {
    const policy = await makePolicy(payload())
    const v1 = await makeVersion(payload(), policy.id, { _status: 'published' })
    const externalId = `deemed-${process.pid}`
    const subjectId = (await upsertSubjects(payload(), [{ externalId }])).subjects[0].id
    // What the status call recorded before versions kept their rules, written the same way.
    const forged = await payload().create({
      collection: 'acceptances',
      data: { subject: subjectId, policy: policy.id, version: v1.id, versionNumber: 1, method: 'continued-use', source: 'api', contentHash: v1.contentHash!, acceptedAt: new Date().toISOString(), notices: [] },
    })
    const { problems } = await checkRecordsAgainstLedger(payload())
    expect(problems).toContain(`acceptance ${forged.id} is deemed by continued use, but version 1 (id ${v1.id}) was published under clickwrap: only an explicit acceptance counts`)
  })
})
