import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { verifyEvidencePack, type EvidencePack } from '../src/domain/evidencePack'
import { ledgerKeyFingerprint } from '../src/domain/ledgerKeyFingerprint'
import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { buildEvidencePack } from '../src/services/audit/buildEvidencePack'
import { findVersion } from '../src/services/findVersion'
import { ledgerSigningKey } from '../src/services/ledger/ledgerSigningKey'
import { seedPolicies } from '../src/services/seedPolicies'
import { upsertSubjects } from '../src/services/upsertSubjects'
import { readEvidencePack, writePackFiles } from '../src/verifier/evidencePackFiles'
import { publishVersion, testWorker, untilFinal } from './support/notices'
import { startSmtpSink, type SmtpSink } from './support/smtpSink'
import { startTestApp, type TestApp } from './support/testApp'

/** Issue 18, case 3: evidence packs built after an insider edited the records, or edited after
 * they were built, must fail verification and name what changed. */
let app: TestApp
let sink: SmtpSink

beforeAll(async () => {
  app = await startTestApp()
  sink = await startSmtpSink()
  await seedPolicies(app.payload)
  await upsertSubjects(app.payload, [{ externalId: 'e1', email: 'e1@example.com' }])
  const contentHash = (await findVersion(app.payload, 'privacy', 2)).version.contentHash!
  await recordAcceptance(app.payload, { subject: 'e1', versions: [{ policy: 'privacy', version: 2, contentHash }], method: 'clickwrap', source: 'api' }, { now: new Date(), ip: '203.0.113.7', userAgent: 'test' })
  const privacy = (await app.payload.find({ collection: 'policies', where: { slug: { equals: 'privacy' } } })).docs[0]
  const v3 = await publishVersion(app.payload, privacy.id, 'informational', `${(await findVersion(app.payload, 'privacy', 2)).version.text}\n\nWe now publish a transparency report.`)
  const worker = testWorker(app.payload, sink.url, { drain: true })
  await worker.done
  await untilFinal(app.payload, v3.id)
}, 120_000)
afterAll(async () => {
  await sink?.close()
  await app?.close()
})

const raw = (statement: string) => (app.payload.db as unknown as { execute: (a: { drizzle: unknown; raw: string }) => Promise<unknown> }).execute({ drizzle: (app.payload.db as unknown as { drizzle: unknown }).drizzle, raw: statement })

/** The subject's pack, built now, written and read back as an auditor gets it. */
async function pack(): Promise<EvidencePack> {
  const dir = mkdtempSync(path.join(tmpdir(), 'assent-pack-'))
  await writePackFiles(dir, (await buildEvidencePack(app.payload, 'e1')).files)
  return readEvidencePack(dir)
}

describe('an evidence pack after the records were edited', () => {
  it('verifies untouched, pinned to the operator key, and fails pinned to another', async () => {
    const honest = await pack()
    expect(verifyEvidencePack(honest)).toMatchObject({ ok: true, pinned: false, unbound: [] })
    const fingerprint = ledgerKeyFingerprint(ledgerSigningKey().publicKey)
    expect(verifyEvidencePack(honest, { pin: fingerprint })).toMatchObject({ ok: true, pinned: true, fingerprint })
    expect(verifyEvidencePack(honest, { pin: 'ab'.repeat(32) }).ok).toBe(false)
  })

  it("names an acceptance's edited source", async () => {
    const [acceptance] = (await app.payload.find({ collection: 'acceptances', depth: 0 })).docs
    await raw(`UPDATE acceptances SET source = 'login-banner' WHERE id = ${acceptance.id}`)
    const verdict = verifyEvidencePack(await pack())
    expect(verdict.ok).toBe(false)
    expect(verdict.problems).toEqual([`acceptance ${acceptance.id} (privacy version 2) does not match its ledger entry in: source`])
    await raw(`UPDATE acceptances SET source = 'api' WHERE id = ${acceptance.id}`)
  })

  it("names a notice's edited address and SMTP reply", async () => {
    const email = (await app.payload.find({ collection: 'notices', where: { channel: { equals: 'email' } }, depth: 0 })).docs[0]
    expect(email).toMatchObject({ status: 'accepted', address: 'e1@example.com' })
    await raw(`UPDATE notices SET address = 'someone-else@example.com', last_reply = '250 2.0.0 OK forged' WHERE id = ${email.id}`)
    const verdict = verifyEvidencePack(await pack())
    expect(verdict.problems).toEqual([`notice ${email.id} (privacy version 3, email) does not match its last ledger entry in: address, lastReply`])
    await raw(`UPDATE notices SET address = '${email.address}', last_reply = '${email.lastReply!.replace(/'/g, "''")}' WHERE id = ${email.id}`)
    expect(verifyEvidencePack(await pack()).ok).toBe(true)
  })

  it('fails when a banner notice is taken out with its ledger entry', async () => {
    const cut = await pack()
    const banner = cut.document.notices.find((n) => n.channel === 'banner')!
    cut.document.notices = cut.document.notices.filter((n) => n !== banner)
    cut.document.ledger = cut.document.ledger.filter((e) => JSON.parse(e.body).record.notice !== banner.id)
    const verdict = verifyEvidencePack(cut)
    expect(verdict.ok).toBe(false)
    expect(verdict.problems).toEqual([expect.stringMatching(/^privacy version 3: the pack has the email notice \d+ but no banner notice, which publication creates with it: a notice was removed$/)])
  })
})
