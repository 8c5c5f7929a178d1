import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { verifyInclusion } from '../src/domain/merkle'
import { verifyLedgerBundle } from '../src/domain/verifyLedgerBundle'
import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { subjectStatus } from '../src/services/acceptance/subjectStatus'
import { createApiKey } from '../src/services/staff/apiKeys'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { createCheckpoint } from '../src/services/ledger/createCheckpoint'
import { exportLedgerBundle } from '../src/services/ledger/exportLedgerBundle'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { readLedgerBundle } from '../src/verifier/ledgerBundleFiles'
import { startSeededTestApp } from './support/startSeededTestApp'
import type { TestApp } from './support/testApp'

let app: TestApp
let termsHash: string

beforeAll(async () => {
  app = await startSeededTestApp()
  termsHash = (await findVersion(app.payload, 'terms', 1)).version.contentHash!
})
afterAll(() => app?.close())

const entries = async () => (await app.payload.find({ collection: 'ledger-entries', sort: 'seq', pagination: false, depth: 0 })).docs
const accept = (subject: string, contentHash = termsHash) =>
  recordAcceptance(app.payload, { subject, versions: [{ policy: 'terms', version: 1, contentHash }], method: 'clickwrap', source: 'api' }, { now: new Date(), ip: '203.0.113.7', userAgent: 'test' })
const raw = (statement: string) => (app.payload.db as unknown as { execute: (a: { drizzle: unknown; raw: string }) => Promise<unknown> }).execute({ drizzle: (app.payload.db as unknown as { drizzle: unknown }).drizzle, raw: statement })
const bundleDir = () => mkdtempSync(path.join(tmpdir(), 'assent-bundle-'))

describe('the ledger', () => {
  it('appends one entry per acceptance and per notice event, numbered without gaps', async () => {
    await upsertSubjects(app.payload, [{ externalId: 'l1' }, { externalId: 'l2' }])
    await accept('l1')
    await subjectStatus(app.payload, 'l2', { now: new Date(), publicUrl: 'https://x', recordDisplay: true })
    const all = await entries()
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1))
    // The seed's three publications come first.
    expect(all.map((e) => e.kind)).toEqual(['publication', 'publication', 'publication', 'acceptance', 'notice', 'notice'])
    expect(JSON.parse(all[3].body)).toMatchObject({ seq: 4, kind: 'acceptance', record: { contentHash: termsHash, method: 'clickwrap' } })
    expect(all[3].body).not.toContain('203.0.113.7')
  })

  it('writes nothing for a refused acceptance', async () => {
    const before = (await entries()).length
    await expect(accept('l1', 'f'.repeat(64))).rejects.toMatchObject({ code: 'stale_content_hash' })
    expect(await entries()).toHaveLength(before)
  })

  it('signs a checkpoint over every entry, and none again until the ledger grows', async () => {
    const first = await createCheckpoint(app.payload)
    expect(first).toMatchObject({ created: true, checkpoint: { treeSize: (await entries()).length } })
    expect((await createCheckpoint(app.payload)).created).toBe(false)
  })

  it('exports a bundle that verifies offline, and fails when a version text in it is edited', async () => {
    await upsertSubjects(app.payload, [{ externalId: 'l3' }])
    await accept('l3')
    await createCheckpoint(app.payload)
    const dir = bundleDir()
    await exportLedgerBundle(app.payload, dir)
    expect(verifyLedgerBundle(await readLedgerBundle(dir))).toMatchObject({ ok: true, checkpoints: 2 })
    const file = path.join(dir, 'versions', `${termsHash}.md`)
    writeFileSync(file, readFileSync(file, 'utf8').replace('Delaware', 'Nevada'))
    expect(verifyLedgerBundle(await readLedgerBundle(dir)).ok).toBe(false)
  })

  it('serves the public key and the signed checkpoints (JSON and Atom) to anyone, proofs to auditors', async () => {
    const pem = await (await fetch(`${app.baseUrl}/api/v1/ledger/public-key`)).text()
    expect(pem).toContain('BEGIN PUBLIC KEY')
    const audit = (await createApiKey(app.payload, 'auditor', 'audit')).key
    const integration = (await createApiKey(app.payload, 'host', 'integration')).key
    const { keyFingerprint, checkpoints } = (await (await fetch(`${app.baseUrl}/api/v1/ledger/checkpoints`)).json()) as { keyFingerprint: string; checkpoints: { treeSize: number; rootHash: string }[] }
    expect(keyFingerprint).toMatch(/^[0-9a-f]{64}$/)
    const latest = checkpoints.at(-1)!
    const res = await fetch(`${app.baseUrl}/api/v1/ledger/proofs/inclusion?seq=1&treeSize=${latest.treeSize}`, { headers: { authorization: `Bearer ${audit}` } })
    const proof = (await res.json()) as { leafHash: string; proof: string[] }
    expect(verifyInclusion(0, latest.treeSize, Buffer.from(proof.leafHash, 'hex'), proof.proof.map((p) => Buffer.from(p, 'hex')), Buffer.from(latest.rootHash, 'hex'))).toBe(true)
    const first = checkpoints[0].treeSize
    const consistency = await fetch(`${app.baseUrl}/api/v1/ledger/proofs/consistency?from=${first}&to=${latest.treeSize}`, { headers: { authorization: `Bearer ${audit}` } })
    expect(consistency.status).toBe(200)
    expect((await fetch(`${app.baseUrl}/api/v1/ledger/proofs/consistency?from=${first}&to=${latest.treeSize}`, { headers: { authorization: `Bearer ${integration}` } })).status).toBe(403)
    const feed = await fetch(`${app.baseUrl}/api/v1/ledger/checkpoints.atom`)
    expect(feed.headers.get('content-type')).toMatch(/^application\/atom\+xml/)
    const atom = await feed.text()
    expect(atom.match(/<entry>/g)).toHaveLength(checkpoints.length)
    expect(atom).toContain(`<id>urn:assent:ledger:checkpoint:${latest.treeSize}:${latest.rootHash}</id>`)
  })

  it('refuses updates and deletions of entries and checkpoints by anyone', async () => {
    const [entry] = await entries()
    await expect(app.payload.update({ collection: 'ledger-entries', id: entry.id, data: { body: '{}' } })).rejects.toMatchObject({ code: 'record_immutable' })
    await expect(app.payload.delete({ collection: 'ledger-entries', id: entry.id })).rejects.toMatchObject({ code: 'record_immutable' })
  })
})

describe('tampering directly in the database', () => {
  it('is caught when an entry is edited: checkpointing refuses, the verifier names the entry', async () => {
    await raw(`UPDATE ledger_entries SET body = REPLACE(body, '"method":"clickwrap"', '"method":"api"') WHERE seq = 4`)
    await expect(createCheckpoint(app.payload)).rejects.toMatchObject({ code: 'ledger_tampered' })
    const dir = bundleDir()
    await exportLedgerBundle(app.payload, dir)
    expect(verifyLedgerBundle(await readLedgerBundle(dir))).toMatchObject({ ok: false, firstBadSeq: 4 })
    await raw(`UPDATE ledger_entries SET body = REPLACE(body, '"method":"api"', '"method":"clickwrap"') WHERE seq = 4`)
    const restored = bundleDir()
    await exportLedgerBundle(app.payload, restored)
    expect(verifyLedgerBundle(await readLedgerBundle(restored)).ok).toBe(true)
  })

  it('is caught when entries are reordered or one is deleted', async () => {
    await raw('UPDATE ledger_entries SET seq = -1 WHERE seq = 2')
    await raw('UPDATE ledger_entries SET seq = 2 WHERE seq = 3')
    await raw('UPDATE ledger_entries SET seq = 3 WHERE seq = -1')
    let dir = bundleDir()
    await exportLedgerBundle(app.payload, dir)
    expect(verifyLedgerBundle(await readLedgerBundle(dir))).toMatchObject({ ok: false, firstBadSeq: 2 })
    await raw('DELETE FROM ledger_entries WHERE seq = 3')
    await expect(createCheckpoint(app.payload)).rejects.toMatchObject({ code: 'ledger_tampered' })
    dir = bundleDir()
    await exportLedgerBundle(app.payload, dir)
    expect(verifyLedgerBundle(await readLedgerBundle(dir)).ok).toBe(false)
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['entries.jsonl', 'checkpoints.json', 'public-key.pem', 'versions']))
  })
})
