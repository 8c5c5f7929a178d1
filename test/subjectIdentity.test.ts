import { spawnSync } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { verifyEvidencePack } from '../src/domain/evidencePack'
import { externalIdHash } from '../src/domain/externalIdHash'
import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { buildEvidencePack } from '../src/services/audit/buildEvidencePack'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { checkRecordsAgainstLedger } from '../src/services/ledger/checkRecordsAgainstLedger'
import { bindSubjects } from '../src/services/subjects/bindSubjects'
import { eraseSubject } from '../src/services/subjects/eraseSubject'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { withTransaction } from '../src/store/withTransaction'
import { loginStaff, requestAs } from './support/staff'
import { startSeededTestApp } from './support/startSeededTestApp'
import type { TestApp } from './support/testApp'

/**
 * Who a subject is (its external id) is bound by a ledger entry when it is created: an admin
 * cannot rename one subject to another's id, and an insider who does it in the database, handing
 * one subject's acceptances to another, is named by live verification and fails the pack.
 */
let app: TestApp
let request: ReturnType<typeof requestAs>
beforeAll(async () => {
  app = await startSeededTestApp({ sharedDatabase: true })
  request = requestAs(app.baseUrl, await loginStaff(app.payload, app.baseUrl))
  await upsertSubjects(app.payload, [{ externalId: 'alice', email: 'alice@example.com' }, { externalId: 'bob', email: 'bob@example.com' }])
  const terms = (await findVersion(app.payload, 'terms', 1)).version
  await recordAcceptance(app.payload, { subject: 'bob', versions: [{ policy: 'terms', version: 1, contentHash: terms.contentHash! }], method: 'clickwrap', source: 'api' }, { now: new Date() })
}, 120_000)
afterAll(() => app?.close())

const raw = (statement: string) => (app.payload.db as unknown as { execute: (a: { drizzle: unknown; raw: string }) => Promise<unknown> }).execute({ drizzle: (app.payload.db as unknown as { drizzle: unknown }).drizzle, raw: statement })
const subject = async (externalId: string) => (await app.payload.find({ collection: 'subjects', where: { externalId: { equals: externalId } }, depth: 0 })).docs[0]
const subjectEntries = async () =>
  (await app.payload.find({ collection: 'ledger-entries', where: { kind: { equals: 'subject' } }, pagination: false, depth: 0 })).docs.map((e) => JSON.parse(e.body).record as { subject: number; externalIdHash: string })
const packVerdict = async (externalId: string) => {
  const pack = await buildEvidencePack(app.payload, externalId)
  return { pack, verdict: verifyEvidencePack({ document: pack.document, files: pack.files, publicKeyPem: pack.files.get('public-key.pem')! }) }
}
const cli = (args: string[]) => spawnSync(process.execPath, ['scripts/assent.js', ...args], { env: { ...process.env, DATABASE_URL: app.database.url }, encoding: 'utf8' })
/** Status and code of a refusal by Payload's REST API: `{ errors: [{ data: { code } }] }`. */
const errorOf = async (res: Response) => [res.status, ((await res.json()) as { errors?: Array<{ data?: { code?: string } }> }).errors?.[0]?.data?.code]

describe('a subject created', () => {
  it('is bound by one ledger entry holding the hash of its external id, by every path that creates one', async () => {
    const created = await request('admin', 'POST', '/api/subjects', { externalId: 'carol', email: 'carol@example.com' })
    expect(created.status).toBe(201)
    const status = await fetch(`${app.baseUrl}/api/v1/subjects/dave/status?create=true`, { headers: { authorization: `Bearer ${await integrationKey()}` } })
    expect(status.status).toBe(200)
    const entries = await subjectEntries()
    for (const externalId of ['alice', 'bob', 'carol', 'dave']) {
      const s = await subject(externalId)
      expect(entries.filter((e) => e.subject === s.id)).toEqual([{ subject: s.id, externalIdHash: externalIdHash(externalId) }])
    }
    const live = await checkRecordsAgainstLedger(app.payload)
    expect(live.problems).toEqual([])
    expect(live.subjects).toBe((await app.payload.count({ collection: 'subjects' })).totalDocs)
    const { pack, verdict } = await packVerdict('bob')
    expect(pack.document.ledger.map((e) => JSON.parse(e.body).kind)).toContain('subject')
    expect(verdict).toMatchObject({ ok: true, problems: [] })
    expect(verdict.unbound).not.toContain('subject.externalId')
  })
})

let key: string | undefined
async function integrationKey(): Promise<string> {
  const { createApiKey } = await import('../src/services/staff/apiKeys')
  key ??= (await createApiKey(app.payload, 'host', 'integration')).key
  return key
}

describe("an admin changing who a subject is", () => {
  it('is refused (409 subject_identity_frozen) over REST and the Local API, and nothing changes', async () => {
    const alice = await subject('alice')
    const bob = await subject('bob')
    expect(await errorOf(await request('admin', 'PATCH', `/api/subjects/${alice.id}`, { externalId: 'alice-2' }))).toEqual([409, 'subject_identity_frozen'])
    expect(await errorOf(await request('admin', 'PATCH', `/api/subjects/${bob.id}`, { erasedAt: new Date().toISOString(), externalIdHash: externalIdHash('zoe') }))).toEqual([409, 'subject_identity_frozen'])
    expect(await errorOf(await request('admin', 'POST', '/api/subjects', { externalId: 'fake-erased', erasedAt: new Date().toISOString(), externalIdHash: externalIdHash('zoe') }))).toEqual([409, 'subject_identity_frozen'])
    await expect(app.payload.update({ collection: 'subjects', id: bob.id, data: { externalId: 'alice-2' } })).rejects.toMatchObject({ code: 'subject_identity_frozen', status: 409 })
    expect(await subject('alice')).toMatchObject({ id: alice.id, externalId: 'alice', erasedAt: null })
    expect(await subject('bob')).toMatchObject({ id: bob.id, externalId: 'bob', erasedAt: null })
    expect(await subject('fake-erased')).toBeUndefined()
    // Everything else about a subject may still change.
    const renamed = await request('admin', 'PATCH', `/api/subjects/${alice.id}`, { name: 'Alice A.', externalId: 'alice' })
    expect(renamed.status).toBe(200)
    expect((await checkRecordsAgainstLedger(app.payload)).problems).toEqual([])
  })
})

describe('an insider swapping two subjects\' external ids in the database', () => {
  it("is named by live verification and ledger:verify, and alice's pack holding bob's acceptance fails", async () => {
    const alice = await subject('alice')
    const bob = await subject('bob')
    expect((await packVerdict('alice')).pack.document.acceptances).toEqual([])
    try {
      await raw(`UPDATE subjects SET external_id = 'swap' WHERE id = ${alice.id}`)
      await raw(`UPDATE subjects SET external_id = 'alice' WHERE id = ${bob.id}`)
      await raw(`UPDATE subjects SET external_id = 'bob' WHERE id = ${alice.id}`)
      const named = (id: number) => new RegExp(`^subject ${id} differs from its ledger entry \\d+ in: externalId `)
      const live = await checkRecordsAgainstLedger(app.payload)
      expect(live.problems).toEqual(expect.arrayContaining([expect.stringMatching(named(alice.id)), expect.stringMatching(named(bob.id))]))
      expect(live.problems).toHaveLength(2)
      const verify = cli(['ledger:verify'])
      expect(verify.status).toBe(1)
      expect(verify.stderr).toMatch(new RegExp(`- subject ${bob.id} differs from its ledger entry \\d+ in: externalId`))

      const { pack, verdict } = await packVerdict('alice')
      // What the forged pack claims: alice accepted the terms.
      expect(pack.document.acceptances).toHaveLength(1)
      expect(verdict.ok).toBe(false)
      expect(verdict.problems).toEqual([expect.stringMatching(new RegExp(`^ledger entry \\d+ binds subject ${bob.id} to another external id than the pack states`))])
    } finally {
      await raw(`UPDATE subjects SET external_id = 'swap' WHERE id = ${bob.id}`)
      await raw(`UPDATE subjects SET external_id = 'alice' WHERE id = ${alice.id}`)
      await raw(`UPDATE subjects SET external_id = 'bob' WHERE id = ${bob.id}`)
    }
    expect((await checkRecordsAgainstLedger(app.payload)).problems).toEqual([])
  })

  it('is named when a subject is made to look erased under another id, and the pack asked for by that id fails', async () => {
    const bob = await subject('bob')
    try {
      await raw(`UPDATE subjects SET erased_at = '2026-01-01T00:00:00.000Z', external_id_hash = '${externalIdHash('zoe')}' WHERE id = ${bob.id}`)
      expect((await checkRecordsAgainstLedger(app.payload)).problems).toEqual([expect.stringMatching(new RegExp(`^subject ${bob.id} differs from its ledger entry \\d+ in: externalIdHash `))])
      const { pack, verdict } = await packVerdict('zoe')
      expect(pack.document.acceptances).toHaveLength(1)
      expect(verdict.problems).toEqual([expect.stringMatching(/binds subject \d+ to another external id than the pack states/)])
    } finally {
      await raw(`UPDATE subjects SET erased_at = NULL, external_id_hash = NULL WHERE id = ${bob.id}`)
    }
    expect((await checkRecordsAgainstLedger(app.payload)).problems).toEqual([])
  })
})

describe('erasure', () => {
  it('keeps the binding: the erased subject verifies live and its pack, asked for by its former id, verifies', async () => {
    await upsertSubjects(app.payload, [{ externalId: 'erin', email: 'erin@example.com' }])
    await eraseSubject(app.payload, 'erin')
    expect((await checkRecordsAgainstLedger(app.payload)).problems).toEqual([])
    const { pack, verdict } = await packVerdict('erin')
    expect(pack.document.subject).toMatchObject({ externalId: null, externalIdHash: externalIdHash('erin') })
    expect(verdict).toMatchObject({ ok: true, problems: [] })
    // Nobody gives an erased subject personal data again, nor its id back.
    const erased = await app.payload.findByID({ collection: 'subjects', id: pack.document.subject.id, depth: 0 })
    expect(await errorOf(await request('admin', 'PATCH', `/api/subjects/${erased.id}`, { email: 'erin@example.com' }))).toEqual([409, 'subject_erased'])
    expect(await errorOf(await request('admin', 'PATCH', `/api/subjects/${erased.id}`, { externalId: 'erin' }))).toEqual([409, 'subject_erased'])
    expect(await app.payload.findByID({ collection: 'subjects', id: erased.id, depth: 0 })).toMatchObject({ email: null, externalId: erased.externalId })
  })
})

describe('subjects created before they were bound', () => {
  it('are named until the upgrade binds them as stored, once', async () => {
    const legacy = await app.payload.db.create({ collection: 'subjects', data: { externalId: 'legacy-user', locale: 'en' } })
    expect((await checkRecordsAgainstLedger(app.payload)).problems).toEqual([`subject ${legacy.id} has no ledger entry: it was not recorded through Assent`])
    expect((await packVerdict('legacy-user')).verdict.unbound).toContain('subject.externalId')
    expect(await withTransaction(app.payload, (req) => bindSubjects(req))).toBe(1)
    expect(await withTransaction(app.payload, (req) => bindSubjects(req))).toBe(0)
    expect((await checkRecordsAgainstLedger(app.payload)).problems).toEqual([])
    expect((await subjectEntries()).filter((e) => e.subject === legacy.id)).toEqual([{ subject: legacy.id, externalIdHash: externalIdHash('legacy-user') }])
  })
})
