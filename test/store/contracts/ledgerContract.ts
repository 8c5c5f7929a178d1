import { describe, expect, it } from 'vitest'

import { entryLeafHash, ledgerBody } from '../../../src/domain/ledgerBody'
import { withTransaction } from '../../../src/store/withTransaction'
import { appendEntries, type LedgerAppend } from '../../../src/store/ledger/appendEntries'
import { ledgerIn } from '../../../src/store/ledger/ledgerIn'
import type { StoreContract } from './storeContract'

const probes = (from: number, count: number): LedgerAppend[] =>
  Array.from({ length: count }, (_, i) => ({ kind: 'policy-rules', record: { probe: from + i } }))

/** The ledger store: one append numbers, hashes and stores entries, without gaps under racing writers. */
export const ledgerContract: StoreContract = (app) => {
  describe('ledger', () => {
    const append = (entries: LedgerAppend[]) => withTransaction(app().payload, (req) => appendEntries(ledgerIn(req), entries))
    const stored = async () =>
      (await app().payload.find({ collection: 'ledger-entries', sort: 'seq', pagination: false, depth: 0 })).docs.map(({ seq, body, leafHash }) => ({ seq, body, leafHash }))

    it('numbers entries after the last one and stores each canonical body with its leaf hash', async () => {
      const before = (await stored()).at(-1)?.seq ?? 0
      const rows = await append(probes(0, 3))
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3].map((n) => before + n))
      rows.forEach((row, i) => {
        expect(row.body).toBe(ledgerBody(row.seq, 'policy-rules', row.recordedAt, { probe: i }))
        expect(row.leafHash).toBe(entryLeafHash(row.body))
      })
      expect((await stored()).filter((e) => e.seq > before)).toEqual(rows.map(({ seq, body, leafHash }) => ({ seq, body, leafHash })))
    })

    it('hands each number out once to racing appends', async () => {
      const before = (await stored()).at(-1)?.seq ?? 0
      await Promise.all(Array.from({ length: 8 }, (_, i) => append(probes(i * 10, 2))))
      expect((await stored()).filter((e) => e.seq > before).map((e) => e.seq)).toEqual(Array.from({ length: 16 }, (_, i) => before + 1 + i))
    }, 60_000)

    it('stores nothing for an empty append', async () => {
      const before = (await stored()).length
      expect(await append([])).toEqual([])
      expect((await stored()).length).toBe(before)
    })
  })
}
