import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { entryLeafHash } from '../src/domain/ledgerBody'
import { rootOf, verifyInclusion } from '../src/domain/merkle'
import { verifyLedgerBundle } from '../src/domain/verifyLedgerBundle'
import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { subjectStatus } from '../src/services/acceptance/subjectStatus'
import { createApiKey } from '../src/services/staff/apiKeys'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { createCheckpoint } from '../src/services/ledger/createCheckpoint'
import { exportLedgerBundle } from '../src/services/ledger/exportLedgerBundle'
import { publishedHeadPath, readHeadFrontier } from '../src/services/ledger/publishedHead'
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
  it('appends one entry per subject created, per acceptance and per notice event, numbered without gaps', async () => {
    await upsertSubjects(app.payload, [{ externalId: 'l1' }, { externalId: 'l2' }])
    await accept('l1')
    await subjectStatus(app.payload, 'l2', { now: new Date(), publicUrl: 'https://x', recordDisplay: true })
    const all = await entries()
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1))
    // The seed's three publications and two French translations come first, then the two subjects.
    expect(all.map((e) => e.kind)).toEqual(['publication', 'translation', 'publication', 'publication', 'translation', 'subject', 'subject', 'acceptance', 'notice', 'notice'])
    expect(JSON.parse(all[7].body)).toMatchObject({ seq: 8, kind: 'acceptance', record: { contentHash: termsHash, method: 'clickwrap' } })
    expect(all[7].body).not.toContain('203.0.113.7')
    // A subject's entry holds the hash of its external id, never the id itself.
    expect(all[5].body).not.toContain('"l1"')
  })

  it('writes nothing for a refused acceptance', async () => {
    const before = (await entries()).length
    await expect(accept('l1', 'f'.repeat(64))).rejects.toMatchObject({ code: 'stale_content_hash' })
    expect(await entries()).toHaveLength(before)
  })

  it('signs a checkpoint over every entry, and none again until the ledger grows', async () => {
    const none = await fetch(`${app.baseUrl}/api/v1/ledger/checkpoints/latest`)
    expect(none.status).toBe(404)
    expect(await none.json()).toMatchObject({ error: { code: 'not_found', message: 'No checkpoint has been signed yet.' } })
    const first = await createCheckpoint(app.payload)
    expect(first).toMatchObject({ created: true, checkpoint: { treeSize: (await entries()).length } })
    expect((await createCheckpoint(app.payload)).created).toBe(false)
  })

  it('signs the next checkpoint from where the last one stopped, reading only the entries added since', async () => {
    const { checkpoint: last } = await createCheckpoint(app.payload)
    await upsertSubjects(app.payload, [{ externalId: 'l4' }])
    await accept('l4')
    const reads: unknown[] = []
    const find = app.payload.find.bind(app.payload)
    const spy = vi.spyOn(app.payload, 'find').mockImplementation(((args: Parameters<typeof find>[0]) => {
      if (args.collection === 'ledger-entries') reads.push(args.where)
      return find(args)
    }) as typeof find)
    let next
    try {
      next = await createCheckpoint(app.payload)
    } finally {
      spy.mockRestore()
    }
    const all = await entries()
    expect(next).toMatchObject({ created: true, checkpoint: { treeSize: all.length } })
    expect(next.checkpoint.rootHash).toBe(rootOf(all.map((e) => Buffer.from(e.leafHash, 'hex'))).toString('hex'))
    // Its last signed entry, still as signed, then the new ones: never the whole ledger.
    expect(reads).toEqual([{ seq: { equals: last.treeSize } }, { seq: { greater_than: last.treeSize } }])
  })

  it('reads the whole ledger once when its head was kept without a frontier (as by an older Assent), then keeps one', async () => {
    const file = publishedHeadPath()
    const { frontier, ...head } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    expect(frontier).toBeDefined()
    writeFileSync(file, JSON.stringify(head))
    await upsertSubjects(app.payload, [{ externalId: 'l6' }])
    await accept('l6')
    const { checkpoint, created } = await createCheckpoint(app.payload)
    expect(created).toBe(true)
    expect(checkpoint.rootHash).toBe(rootOf((await entries()).map((e) => Buffer.from(e.leafHash, 'hex'))).toString('hex'))
    expect(readHeadFrontier()).toMatchObject({ lastLeafHash: (await entries()).at(-1)!.leafHash })
  })

  it('exports a bundle that verifies offline, and fails when a version text in it is edited', async () => {
    await upsertSubjects(app.payload, [{ externalId: 'l3' }])
    await accept('l3')
    await createCheckpoint(app.payload)
    const dir = bundleDir()
    await exportLedgerBundle(app.payload, dir)
    expect(verifyLedgerBundle(await readLedgerBundle(dir))).toMatchObject({ ok: true, checkpoints: 4 })
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

  it('lists the checkpoints a page at a time, and the newest alone, refusing a malformed page', async () => {
    await accept('l4')
    await createCheckpoint(app.payload)
    const get = async (query: string) => {
      const res = await fetch(`${app.baseUrl}/api/v1/ledger/checkpoints${query}`)
      return { status: res.status, link: res.headers.get('link'), body: (await res.json()) as { checkpoints: { treeSize: number }[]; next: string | null; error?: { code: string; message: string } } }
    }
    const whole = await get('')
    expect(whole.body.checkpoints.length).toBeGreaterThanOrEqual(3)
    expect(whole.body.next).toBeNull()
    expect(whole.link).toBeNull()

    // Two at a time, following `next` (its address from the public URL, so the path is what counts).
    const paged: number[] = []
    let query: string | null = '?limit=2'
    while (query !== null) {
      const page = await get(query)
      expect(page.status).toBe(200)
      expect(page.body.checkpoints.length).toBeLessThanOrEqual(2)
      paged.push(...page.body.checkpoints.map((c) => c.treeSize))
      if (page.body.next) expect(page.link).toBe(`<${page.body.next}>; rel="next"`)
      query = page.body.next ? new URL(page.body.next).search : null
    }
    expect(paged).toEqual(whole.body.checkpoints.map((c) => c.treeSize))
    const sizes = paged
    expect((await get(`?after=${sizes[0]}`)).body.checkpoints.map((c) => c.treeSize)).toEqual(sizes.slice(1))
    expect((await get(`?after=${sizes.at(-1)}`)).body).toMatchObject({ checkpoints: [], next: null })

    const latest = await fetch(`${app.baseUrl}/api/v1/ledger/checkpoints/latest`)
    expect(latest.status).toBe(200)
    expect(((await latest.json()) as { checkpoint: { treeSize: number } }).checkpoint.treeSize).toBe(sizes.at(-1))

    for (const bad of ['?limit=0', '?limit=1001', '?limit=2.5', '?after=-1', '?after=abc', '?after=1&after=2', '?limit=1e3', '?after=01']) {
      const refused = await get(bad)
      expect(refused.status, bad).toBe(400)
      expect(refused.body.error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/^(after|limit) must be a whole number from/) })
    }
  })

  it('refuses updates and deletions of entries and checkpoints by anyone', async () => {
    const [entry] = await entries()
    await expect(app.payload.update({ collection: 'ledger-entries', id: entry.id, data: { body: '{}' } })).rejects.toMatchObject({ code: 'record_immutable' })
    await expect(app.payload.delete({ collection: 'ledger-entries', id: entry.id })).rejects.toMatchObject({ code: 'record_immutable' })
  })
})

describe('tampering directly in the database', () => {
  it('is never signed over when an entry is rewritten, leaf hash and all, and every checkpoint covering it fails verification', async () => {
    await createCheckpoint(app.payload)
    const honest = (await entries()).map((e) => Buffer.from(e.leafHash, 'hex'))
    const [acceptance] = (await entries()).filter((e) => e.kind === 'acceptance')
    const edited = acceptance.body.replace('"method":"clickwrap"', '"method":"api"')
    const rewrite = (body: string) => raw(`UPDATE ledger_entries SET body = '${body.replaceAll("'", "''")}', leaf_hash = '${entryLeafHash(body)}' WHERE seq = ${acceptance.seq}`)
    await rewrite(edited)
    // Nothing new to sign; then the ledger grows, and the next checkpoint signs the history as it
    // was signed before, with the new entries: never the rewritten entry.
    expect((await createCheckpoint(app.payload)).created).toBe(false)
    await upsertSubjects(app.payload, [{ externalId: 'l5' }])
    await accept('l5')
    const grown = await entries()
    const { checkpoint, created } = await createCheckpoint(app.payload)
    expect(created).toBe(true)
    expect(checkpoint.rootHash).toBe(rootOf([...honest, ...grown.slice(honest.length).map((e) => Buffer.from(e.leafHash, 'hex'))]).toString('hex'))
    expect(checkpoint.rootHash).not.toBe(rootOf(grown.map((e) => Buffer.from(e.leafHash, 'hex'))).toString('hex'))
    const dir = bundleDir()
    await exportLedgerBundle(app.payload, dir)
    const verdict = verifyLedgerBundle(await readLedgerBundle(dir))
    expect(verdict.ok).toBe(false)
    expect(verdict.problems).toContain(`checkpoint of ${checkpoint.treeSize} entries: root does not match the entries`)
    await rewrite(acceptance.body)
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
    expect((await createCheckpoint(app.payload)).created).toBe(false)
    dir = bundleDir()
    await exportLedgerBundle(app.payload, dir)
    expect(verifyLedgerBundle(await readLedgerBundle(dir)).ok).toBe(false)
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['entries.jsonl', 'checkpoints.json', 'public-key.pem', 'versions']))
  })
})
