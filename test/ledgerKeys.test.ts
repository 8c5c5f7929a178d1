import { spawnSync } from 'node:child_process'
import { createPublicKey, generateKeyPairSync } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signCheckpoint } from '../src/domain/checkpointSignature'
import { verifyEvidencePack } from '../src/domain/evidencePack'
import { entryLeafHash, ledgerBody } from '../src/domain/ledgerBody'
import { ledgerKeyFingerprint } from '../src/domain/ledgerKeyFingerprint'
import { rootOf } from '../src/domain/merkle'
import { verifyLedgerBundle } from '../src/domain/verifyLedgerBundle'
import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { buildEvidencePack } from '../src/services/audit/buildEvidencePack'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { createCheckpoint } from '../src/services/ledger/createCheckpoint'
import { exportLedgerBundle } from '../src/services/ledger/exportLedgerBundle'
import { forgetLedgerSigningKey, ledgerSigningKey } from '../src/services/ledger/ledgerSigningKey'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { readEvidencePack, writePackFiles } from '../src/verifier/evidencePackFiles'
import { readLedgerBundle } from '../src/verifier/ledgerBundleFiles'
import { startSeededTestApp } from './support/startSeededTestApp'
import type { TestApp } from './support/testApp'

/** Issue 18, case 4: verification pins the signing key, and follows the rotations the old key signed. */
let app: TestApp
let operatorFingerprint: string
const folder = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix))
const verifyCli = (...args: string[]) => spawnSync(process.execPath, ['scripts/assent.js', 'ledger:verify', ...args], { encoding: 'utf8' })
const accept = async (subject: string) => {
  const contentHash = (await findVersion(app.payload, 'terms', 1)).version.contentHash!
  await recordAcceptance(app.payload, { subject, versions: [{ policy: 'terms', version: 1, contentHash }], method: 'clickwrap', source: 'api' }, { now: new Date(), ip: '203.0.113.7', userAgent: 'test' })
}

beforeAll(async () => {
  app = await startSeededTestApp({ sharedDatabase: true })
  const subjects = Array.from({ length: 8 }, (_, i) => `k${i}`)
  await upsertSubjects(app.payload, subjects.map((externalId) => ({ externalId })))
  for (const subject of subjects) await accept(subject)
  await createCheckpoint(app.payload)
  operatorFingerprint = ledgerKeyFingerprint(ledgerSigningKey().publicKey)
}, 120_000)
afterAll(() => app?.close())

describe('a bundle cut after its first acceptance, that one backdated and re-signed with a fresh key', () => {
  it('passes unpinned (saying the key is not pinned) and fails pinned by fingerprint or key file', async () => {
    const honest = folder('assent-honest-')
    await exportLedgerBundle(app.payload, honest)
    const lines = readFileSync(path.join(honest, 'entries.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { seq: number; body: string; leafHash: string })
    expect(lines.length).toBeGreaterThanOrEqual(8)

    const forged = folder('assent-forged-')
    // The ledger up to its first acceptance, that acceptance backdated.
    const size = lines.findIndex((e) => JSON.parse(e.body).kind === 'acceptance') + 1
    expect(size).toBeGreaterThan(0)
    const backdated = lines[size - 1].seq
    const cut = lines.slice(0, size).map((e) => {
      if (e.seq !== backdated) return e
      const parsed = JSON.parse(e.body)
      const body = ledgerBody(e.seq, parsed.kind, parsed.recordedAt, { ...parsed.record, acceptedAt: '2020-01-01T00:00:00.000Z' })
      return { seq: e.seq, body, leafHash: entryLeafHash(body) }
    })
    cpSync(path.join(honest, 'versions'), path.join(forged, 'versions'), { recursive: true })
    const fresh = generateKeyPairSync('ed25519')
    const checkpoint = signCheckpoint({ treeSize: size, rootHash: rootOf(cut.map((e) => Buffer.from(e.leafHash, 'hex'))).toString('hex'), signedAt: new Date().toISOString() }, fresh.privateKey)
    writeFileSync(path.join(forged, 'entries.jsonl'), cut.map((e) => `${JSON.stringify(e)}\n`).join(''))
    writeFileSync(path.join(forged, 'checkpoints.json'), JSON.stringify([checkpoint]))
    writeFileSync(path.join(forged, 'proofs.json'), '[]')
    writeFileSync(path.join(forged, 'public-key.pem'), fresh.publicKey.export({ type: 'spki', format: 'pem' }) as string)

    const unpinned = verifyCli(forged)
    expect(unpinned.status, unpinned.stderr).toBe(0)
    expect(unpinned.stdout).toContain(`Signing key fingerprint: ${ledgerKeyFingerprint(fresh.publicKey)}`)
    expect(unpinned.stdout).toContain('NOT PINNED')

    const pinned = verifyCli(forged, '--fingerprint', operatorFingerprint)
    expect(pinned.status).toBe(1)
    expect(pinned.stderr).toContain(`not the pinned key ${operatorFingerprint}`)
    const keyFile = path.join(folder('assent-key-'), 'operator.pem')
    writeFileSync(keyFile, ledgerSigningKey().publicKeyPem)
    expect(verifyCli(forged, '--key', keyFile).status).toBe(1)

    const genuine = verifyCli(honest, '--key', keyFile)
    expect(genuine.status, genuine.stderr).toBe(0)
    expect(genuine.stdout).toContain('The key is pinned')
    expect(verifyCli(honest, '--fingerprint', 'not-hex').status).toBe(2)
  }, 60_000)
})

describe('a key rotation', () => {
  it('is a ledger entry signed by the old key: a ledger and a pack pinned to the old key still verify', async () => {
    const rotated = spawnSync(process.execPath, ['scripts/assent.js', 'ledger:rotate-key'], { env: { ...process.env, DATABASE_URL: app.database.url }, encoding: 'utf8' })
    expect(rotated.status, rotated.stderr).toBe(0)
    const [entry] = (await app.payload.find({ collection: 'ledger-entries', where: { kind: { equals: 'key-rotation' } }, depth: 0 })).docs
    const record = JSON.parse(entry.body).record as { from: string; to: string }
    expect(rotated.stdout).toContain(`Rotated the ledger key: ${operatorFingerprint} → ${record.to}`)
    expect(record.from).toBe(operatorFingerprint)

    // This process still holds the old key: it may no longer sign, until it reads the new one.
    await upsertSubjects(app.payload, [{ externalId: 'k9' }])
    await accept('k9')
    await expect(createCheckpoint(app.payload)).rejects.toMatchObject({ code: 'ledger_tampered', message: expect.stringContaining(`rotated to key ${record.to}`) })
    forgetLedgerSigningKey()
    expect(ledgerKeyFingerprint(ledgerSigningKey().publicKey)).toBe(record.to)
    await createCheckpoint(app.payload)

    const dir = folder('assent-rotated-')
    await exportLedgerBundle(app.payload, dir)
    const verdict = verifyLedgerBundle(await readLedgerBundle(dir), { pin: operatorFingerprint })
    expect(verdict).toMatchObject({ ok: true, keyChain: [record.from, record.to], fingerprint: record.to, pinned: true })
    expect(verifyLedgerBundle(await readLedgerBundle(dir), { pin: ledgerKeyFingerprint(createPublicKey(generateKeyPairSync('ed25519').privateKey)) }).ok).toBe(false)

    const packDir = folder('assent-rotated-pack-')
    await writePackFiles(packDir, (await buildEvidencePack(app.payload, 'k9')).files)
    expect(verifyEvidencePack(await readEvidencePack(packDir), { pin: operatorFingerprint })).toMatchObject({ ok: true, fingerprint: record.to })
  })
})
