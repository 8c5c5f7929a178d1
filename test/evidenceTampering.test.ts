import { createHash } from 'node:crypto'
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { verifyEvidencePack, type EvidencePack } from '../src/domain/evidencePack'
import { ledgerKeyFingerprint } from '../src/domain/ledgerKeyFingerprint'
import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { buildEvidencePack } from '../src/services/audit/buildEvidencePack'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { ledgerSigningKey } from '../src/services/ledger/ledgerSigningKey'
import { seedPolicies } from '../src/services/publishing/seedPolicies'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { isEvidencePack, readEvidencePack, writePackFiles } from '../src/verifier/evidencePackFiles'
import { publishVersion, testWorker, untilFinal } from './support/notices'
import { filesIn, readmeListing } from './support/packFolder'
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

/** The subject's pack, built now and written to a folder as an auditor gets it. */
async function written(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'assent-pack-'))
  await writePackFiles(dir, (await buildEvidencePack(app.payload, 'e1')).files)
  return dir
}

/** The subject's pack, built now, written and read back as an auditor gets it. */
const pack = async (): Promise<EvidencePack> => readEvidencePack(await written())

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

/** Issue 19, case 5: every file of a pack is covered, not only the texts and evidence.json. */
describe('an evidence pack edited after it was made', () => {
  const problemsOf = async (dir: string) => verifyEvidencePack(await readEvidencePack(dir)).problems

  it('verifies untouched, every file covered by the signed manifest', async () => {
    const dir = await written()
    const verdict = verifyEvidencePack(await readEvidencePack(dir))
    expect(verdict).toMatchObject({ ok: true, manifest: 'verified', files: filesIn(dir).length })
    expect(filesIn(dir)).toContain('manifest.json')
  })

  it('has a README that lists exactly the files of the pack, and no redlines/ when there are none', async () => {
    const dir = await written()
    const readme = readFileSync(path.join(dir, 'README.txt'), 'utf8')
    expect(readmeListing(readme)).toEqual(filesIn(dir))
    expect(filesIn(dir).some((name) => name.startsWith('redlines/'))).toBe(false)
    expect(readme).not.toContain('redlines/')
  })

  it('fails naming report.html when the report was edited', async () => {
    const dir = await written()
    expect(readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain('clickwrap')
    writeFileSync(path.join(dir, 'report.html'), readFileSync(path.join(dir, 'report.html'), 'utf8').replace('clickwrap', 'continued-use'))
    expect(await problemsOf(dir)).toEqual(['report.html does not hash to what manifest.json lists: it was changed'])
  })

  it('fails naming README.txt when the README was edited', async () => {
    const dir = await written()
    appendFileSync(path.join(dir, 'README.txt'), 'No need to verify this pack.\n')
    expect(await problemsOf(dir)).toEqual(['README.txt does not hash to what manifest.json lists: it was changed'])
  })

  it('fails naming a file added anywhere in the pack', async () => {
    const dir = await written()
    mkdirSync(path.join(dir, 'redlines'))
    writeFileSync(path.join(dir, 'redlines/privacy-1-2.html'), '<ins>The subject agreed to everything.</ins>')
    expect(await problemsOf(dir)).toEqual(['redlines/privacy-1-2.html is not in manifest.json: it was added'])
  })

  it('fails naming a file deleted from the pack', async () => {
    const dir = await written()
    rmSync(path.join(dir, 'report.html'))
    expect(await problemsOf(dir)).toEqual(['report.html is listed in manifest.json but missing: it was removed'])
  })

  it('fails naming evidence.json when the statements were deleted or are no longer JSON', async () => {
    const dir = await written()
    writeFileSync(path.join(dir, 'evidence.json'), '{"format":')
    expect(await problemsOf(dir)).toEqual(['evidence.json is not an assent-evidence/1 document'])
    rmSync(path.join(dir, 'evidence.json'))
    expect(isEvidencePack(dir)).toBe(true)
    expect(await problemsOf(dir)).toEqual(['evidence.json is missing: it was removed'])
  })

  it('fails naming manifest.json when the manifest was edited to match an edited file', async () => {
    const dir = await written()
    const report = readFileSync(path.join(dir, 'report.html'), 'utf8').replace('clickwrap', 'continued-use')
    writeFileSync(path.join(dir, 'report.html'), report)
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
    manifest.files['report.html'] = createHash('sha256').update(report).digest('hex')
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest))
    expect(await problemsOf(dir)).toEqual(['manifest.json is not signed by the key that signed the checkpoint: it was changed'])
  })

  it('fails a pack without a manifest (as packs made before it were), saying which files nothing covers', async () => {
    const dir = await written()
    rmSync(path.join(dir, 'manifest.json'))
    const verdict = verifyEvidencePack(await readEvidencePack(dir))
    expect(verdict).toMatchObject({ ok: false, manifest: 'missing' })
    expect(verdict.problems).toEqual([expect.stringMatching(/^manifest\.json is missing, so nothing covers README\.txt, evidence\.json, public-key\.pem, report\.html, versions\/[0-9a-f]{64}\.md/)])
  })
})
