import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { verifyEvidencePack } from '../src/domain/evidencePack'
import { consistencyProof, inclusionProof, verifyConsistency, verifyInclusion } from '../src/domain/merkle'
import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { buildEvidencePack } from '../src/services/audit/buildEvidencePack'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { createCheckpoint } from '../src/services/ledger/createCheckpoint'
import { ledgerConsistencyProof, ledgerInclusionProof } from '../src/services/ledger/ledgerProofs'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { appendEntries } from '../src/store/ledger/appendEntries'
import { ledgerIn } from '../src/store/ledger/ledgerIn'
import { ledgerTreeStore } from '../src/store/ledgerTree'
import { withTransaction } from '../src/store/withTransaction'
import { readEvidencePack, writePackFiles } from '../src/verifier/evidencePackFiles'
import { startSeededTestApp } from './support/startSeededTestApp'
import type { TestApp } from './support/testApp'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** Issue 23: proofs and evidence packs read by index (kept subtree roots, a subject's entries),
 * not the whole ledger, and still prove only what the signed checkpoint holds. */
let app: TestApp

beforeAll(async () => {
  app = await startSeededTestApp()
})
afterAll(() => app?.close())

const raw = (statement: string) => (app.payload.db as unknown as { execute: (a: { drizzle: unknown; raw: string }) => Promise<unknown> }).execute({ drizzle: (app.payload.db as unknown as { drizzle: unknown }).drizzle, raw: statement })
const append = (n: number, from = 0) =>
  withTransaction(app.payload, (req) => appendEntries(ledgerIn(req), Array.from({ length: n }, (_, i) => ({ kind: 'policy-rules' as const, record: { policy: 0, filler: from + i } }))))
const allLeaves = async () => (await app.payload.find({ collection: 'ledger-entries', sort: 'seq', pagination: false, depth: 0, select: { leafHash: true } })).docs.map((d) => Buffer.from(d.leafHash, 'hex'))
const keptRoots = async () => (await app.payload.find({ collection: 'ledger-nodes', sort: 'start', pagination: false, depth: 0 })).docs
const hex = (hs: Buffer[]) => hs.map((h) => h.toString('hex'))
/** `level:start` of every aligned perfect subtree of 16 leaves and more within the first n. */
const alignedSubtrees = (n: number) => {
  const keys: string[] = []
  for (let level = 4; 2 ** level <= n; level++) for (let start = 0; start + 2 ** level <= n; start += 2 ** level) keys.push(`${level}:${start}`)
  return keys
}

describe('ledger proofs from kept subtree roots', () => {
  let first: { treeSize: number; rootHash: string }
  let second: { treeSize: number; rootHash: string }

  it('a checkpoint keeps the root of every perfect subtree of 16 entries and more it read', async () => {
    // The seed's five entries (three publications, two translations) and 598 more.
    await append(598)
    first = (await createCheckpoint(app.payload)).checkpoint
    expect(first.treeSize).toBe(603)
    const firstKept = (await keptRoots()).map((r) => `${r.level}:${r.start}`)
    expect(firstKept.sort()).toEqual(alignedSubtrees(603).sort())
    // 37 of 16 entries, 18 of 32, 9 of 64, 4 of 128, 2 of 256, 1 of 512.
    expect(firstKept).toHaveLength(71)
    expect(firstKept).toContain('4:576')
    expect(firstKept).not.toContain('4:592') // entries 593 to 608: not all there yet
    await append(700, 600)
    second = (await createCheckpoint(app.payload)).checkpoint
    expect(second.treeSize).toBe(1303)
    // The second checkpoint resumed from the first's frontier and kept what the new entries completed.
    const secondKept = (await keptRoots()).map((r) => `${r.level}:${r.start}`)
    expect(secondKept.sort()).toEqual(alignedSubtrees(1303).sort())
    expect(secondKept).toEqual(expect.arrayContaining(['4:592', '10:0', '8:1024', '4:1280']))
  })

  it('inclusion proofs equal those over every leaf, and read a block of 16 leaf hashes, not the ledger', async () => {
    const leaves = (await allLeaves()).slice(0, second.treeSize)
    const store = ledgerTreeStore(app.payload)
    const read = vi.spyOn(store, 'leafHashes')
    try {
      for (const seq of [1, 256, 257, 603, 1024, 1025, 1303]) {
        read.mockClear()
        const answer = await ledgerInclusionProof(app.payload, seq, second.treeSize)
        expect(answer.proof, `entry ${seq}`).toEqual(hex(inclusionProof(seq - 1, leaves)))
        expect(verifyInclusion(seq - 1, second.treeSize, leaves[seq - 1], answer.proof.map((h) => Buffer.from(h, 'hex')), Buffer.from(second.rootHash, 'hex'))).toBe(true)
        const rows = read.mock.calls.reduce((sum, [from, to]) => sum + (to - from), 0)
        expect(rows, `entry ${seq}`).toBeLessThanOrEqual(2 * 16)
      }
    } finally {
      read.mockRestore()
    }
  })

  it('consistency proofs equal those over every leaf', async () => {
    const leaves = (await allLeaves()).slice(0, second.treeSize)
    const answer = await ledgerConsistencyProof(app.payload, first.treeSize, second.treeSize)
    expect(answer.proof).toEqual(hex(consistencyProof(first.treeSize, leaves)))
    expect(verifyConsistency(first.treeSize, second.treeSize, answer.proof.map((h) => Buffer.from(h, 'hex')), Buffer.from(first.rootHash, 'hex'), Buffer.from(second.rootHash, 'hex'))).toBe(true)
  })

  it('a kept root an insider edited never makes a wrong proof: it is proven from the entries instead', async () => {
    await raw(`update ledger_nodes set hash = '${'ab'.repeat(32)}' where level = 9 and start = 0`)
    const answer = await ledgerInclusionProof(app.payload, 1100, second.treeSize)
    const leaves = (await allLeaves()).slice(0, second.treeSize)
    expect(answer.proof).toEqual(hex(inclusionProof(1099, leaves)))
    await raw(`delete from ledger_nodes where level = 9 and start = 0`)
  })

  it('kept roots that are missing (a ledger older than them) are computed from the entries and kept', async () => {
    await raw('delete from ledger_nodes where level >= 9')
    const leaves = (await allLeaves()).slice(0, second.treeSize)
    expect((await ledgerInclusionProof(app.payload, 1200, second.treeSize)).proof).toEqual(hex(inclusionProof(1199, leaves)))
    expect((await keptRoots()).map((r) => `${r.level}:${r.start}`)).toContain('10:0')
  })

  it('a ledger kept with roots of 256 entries and more only gets the smaller ones as it is proven', async () => {
    await raw('delete from ledger_nodes where level < 8')
    const leaves = (await allLeaves()).slice(0, second.treeSize)
    expect((await ledgerInclusionProof(app.payload, 1000, second.treeSize)).proof).toEqual(hex(inclusionProof(999, leaves)))
    // Entry 1000 (index 999) is in the block from 992; its path passes the subtrees from 1008 (16
    // entries), 960 (32), 896 (64) and 768 (128), and at the right edge the 16 from 1280: each is
    // kept with the roots within it.
    const kept = (await keptRoots()).filter((r) => r.level < 8).map((r) => `${r.level}:${r.start}`)
    expect(kept.sort()).toEqual(['4:1008', '4:1280', '4:976', '5:960', '4:960', '6:896', '5:896', '5:928', '4:896', '4:912', '4:928', '4:944', ...alignedSubtrees(128).map((k) => k.replace(/:(\d+)$/, (_, s) => `:${768 + Number(s)}`))].sort())
  })

  it('proofs asked for at once on such a ledger all hold, each keeping the missing roots it needs', async () => {
    await raw('delete from ledger_nodes where level < 8')
    const leaves = (await allLeaves()).slice(0, second.treeSize)
    const seqs = [1, 17, 300, 301, 640, 641, 999, 1000, 1001, 1280, 1300, 1303]
    const answers = await Promise.all(seqs.map((seq) => ledgerInclusionProof(app.payload, seq, second.treeSize)))
    answers.forEach((answer, i) => expect(answer.proof, `entry ${seqs[i]}`).toEqual(hex(inclusionProof(seqs[i] - 1, leaves))))
    // Entries 1 and 17 need each other's block of 16 and both the 32 from 32: kept by writers at once.
    expect((await keptRoots()).map((r) => `${r.level}:${r.start}`)).toEqual(expect.arrayContaining(['4:0', '4:16', '5:32']))
  })

  it('an entry edited after it was signed gets no proof: the ledger no longer matches its checkpoint', async () => {
    const honest = (await allLeaves())[699].toString('hex')
    await raw(`update ledger_entries set leaf_hash = '${'cd'.repeat(32)}' where seq = 700`)
    try {
      await expect(ledgerInclusionProof(app.payload, 700, second.treeSize)).rejects.toMatchObject({ code: 'ledger_tampered' })
    } finally {
      await raw(`update ledger_entries set leaf_hash = '${honest}' where seq = 700`)
    }
    expect((await ledgerInclusionProof(app.payload, 700, second.treeSize)).leafHash).toBe(honest)
  })

  it('refuses a proof of an unsigned size or an entry outside the checkpoint', async () => {
    await expect(ledgerInclusionProof(app.payload, 5, 604)).rejects.toMatchObject({ code: 'not_found' })
    await expect(ledgerInclusionProof(app.payload, 700, 603)).rejects.toMatchObject({ code: 'bad_request' })
    await expect(ledgerConsistencyProof(app.payload, 1303, 603)).rejects.toMatchObject({ code: 'bad_request' })
  })
})

describe('checkpoints signed at once', () => {
  it('all answer with the one checkpoint stored for their size', async () => {
    await append(40, 2000)
    const results = await Promise.all([createCheckpoint(app.payload), createCheckpoint(app.payload), createCheckpoint(app.payload)])
    const sizes = new Set(results.map((r) => `${r.checkpoint.treeSize}:${r.checkpoint.rootHash}`))
    expect(sizes.size).toBe(1)
    const [size] = [...sizes].map((s) => Number(s.split(':')[0]))
    expect(size).toBe(1343)
    expect(results.filter((r) => r.created)).toHaveLength(1)
    expect((await app.payload.find({ collection: 'ledger-checkpoints', where: { treeSize: { equals: size } }, depth: 0 })).totalDocs).toBe(1)
  })
})

describe("a subject's evidence pack, found by index", () => {
  let mine: number
  it('holds the entries naming the subject, which its bodies confirm', async () => {
    await upsertSubjects(app.payload, [{ externalId: 'p1' }, { externalId: 'p2' }])
    const terms = (await findVersion(app.payload, 'terms', 1)).version.contentHash!
    const accept = (subject: string) => recordAcceptance(app.payload, { subject, versions: [{ policy: 'terms', version: 1, contentHash: terms }], method: 'clickwrap', source: 'api' }, { now: new Date() })
    await accept('p1')
    await accept('p2')
    const entries = (await app.payload.find({ collection: 'ledger-entries', where: { kind: { equals: 'acceptance' } }, sort: 'seq', depth: 0 })).docs
    const [ownEntry, otherEntry] = entries
    mine = ownEntry.seq
    expect(ownEntry.subject).toBe(String(JSON.parse(ownEntry.body).record.subject))
    // An insider points another subject's entry at p1: the pack does not take it, its body names p2.
    await raw(`update ledger_entries set subject = '${ownEntry.subject}' where seq = ${otherEntry.seq}`)
    const { document } = await buildEvidencePack(app.payload, 'p1')
    // p1's own entries only: the one that binds who p1 is, and its acceptance.
    expect(document.ledger.map((e) => [JSON.parse(e.body).kind, e.seq])).toEqual([['subject', expect.any(Number)], ['acceptance', mine]])
    expect(document.ledger.map((e) => e.seq)).not.toContain(otherEntry.seq)
    const dir = mkdtempSync(path.join(tmpdir(), 'assent-pack-'))
    await writePackFiles(dir, (await buildEvidencePack(app.payload, 'p1')).files)
    expect(verifyEvidencePack(await readEvidencePack(dir))).toMatchObject({ ok: true })
  })

  it('an entry hidden from the index leaves its acceptance without an entry, and the pack fails', async () => {
    await raw(`update ledger_entries set subject = null where seq = ${mine}`)
    const dir = mkdtempSync(path.join(tmpdir(), 'assent-pack-'))
    await writePackFiles(dir, (await buildEvidencePack(app.payload, 'p1')).files)
    const verdict = verifyEvidencePack(await readEvidencePack(dir))
    expect(verdict.ok).toBe(false)
    expect(verdict.problems.join('\n')).toMatch(/has no ledger entry in the pack/)
  })
})
