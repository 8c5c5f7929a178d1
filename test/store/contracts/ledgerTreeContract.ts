import { describe, expect, it } from 'vitest'

import { withTransaction } from '../../../src/store/withTransaction'
import { appendEntries } from '../../../src/store/ledger/appendEntries'
import { ledgerIn } from '../../../src/store/ledger/ledgerIn'
import { ledgerTreeStore, subtreeKey } from '../../../src/store/ledgerTree'
import type { StoreContract } from './storeContract'

const hash = (byte: string) => Buffer.from(byte.repeat(32), 'hex')

/** The ledger read by index: leaf hashes by range, a subject's and a kind's entries, and kept
 * subtree roots, of which the first kept stays. */
export const ledgerTreeContract: StoreContract = (app) => {
  describe('ledger tree', () => {
    const store = () => ledgerTreeStore(app().payload)

    it('reads leaf hashes by range, and the entries naming a subject or of a kind, up to a size', async () => {
      const rows = await withTransaction(app().payload, (req) =>
        appendEntries(ledgerIn(req), [
          { kind: 'notice', record: { probe: 'tree' } },
          { kind: 'policy-rules', record: { subject: 'contract-subject', probe: 1 } },
          { kind: 'policy-rules', record: { subject: 'contract-subject', probe: 2 } },
        ]),
      )
      const first = rows[0].seq
      expect((await store().leafHashes(first - 1, first + 2)).map((h) => h.toString('hex'))).toEqual(rows.map((r) => r.leafHash))
      expect(await store().leafHashes(first + 2, first + 2)).toEqual([])
      const about = await store().entriesAbout('contract-subject', first + 1)
      expect(about).toEqual([{ seq: rows[1].seq, body: rows[1].body, leafHash: rows[1].leafHash }])
      expect((await store().entriesAbout('contract-subject', first + 2)).map((e) => e.seq)).toEqual([rows[1].seq, rows[2].seq])
      const ofKind = (await store().entriesOfKind('policy-rules', first + 2)).map((e) => e.seq)
      expect(ofKind).toEqual(expect.arrayContaining([rows[1].seq, rows[2].seq]))
      expect(ofKind).not.toContain(first)
      expect((await store().entriesOfKind('policy-rules', first)).map((e) => e.seq)).not.toContain(rows[1].seq)
    })

    it('keeps subtree roots, and one kept again stays as it was first kept', async () => {
      await store().keepSubtreeRoots([{ level: 30, start: 0, hash: hash('aa') }, { level: 30, start: 2 ** 30, hash: hash('bb') }])
      await store().keepSubtreeRoots([{ level: 30, start: 0, hash: hash('cc') }, { level: 31, start: 0, hash: hash('dd') }])
      const kept = await store().subtreeRoots([{ level: 30, start: 0 }, { level: 30, start: 2 ** 30 }, { level: 31, start: 0 }, { level: 32, start: 0 }])
      expect(kept.get(subtreeKey({ level: 30, start: 0 }))).toEqual(hash('aa'))
      expect(kept.get(subtreeKey({ level: 30, start: 2 ** 30 }))).toEqual(hash('bb'))
      expect(kept.get(subtreeKey({ level: 31, start: 0 }))).toEqual(hash('dd'))
      expect(kept.has(subtreeKey({ level: 32, start: 0 }))).toBe(false)
      expect((await store().subtreeRoots([])).size).toBe(0)
    })
  })
}
