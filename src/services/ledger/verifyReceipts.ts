import type { KeyObject } from 'node:crypto'

import type { Payload } from 'payload'

import { checkReceipts, receiptIn, type ReceiptsVerdict } from '../../domain/checkReceipts'
import type { ReceiptEntry } from '../../domain/receipt'

const PAGE = 500

/** The ledger entries with these numbers, read in pages; absent numbers are simply not in it. */
async function entriesNumbered(payload: Payload, seqs: readonly number[]): Promise<Map<number, ReceiptEntry>> {
  const entries = new Map<number, ReceiptEntry>()
  const wanted = [...new Set(seqs.filter((s) => Number.isSafeInteger(s)))]
  for (let i = 0; i < wanted.length; i += PAGE) {
    const { docs } = await payload.find({
      collection: 'ledger-entries',
      where: { seq: { in: wanted.slice(i, i + PAGE) } },
      pagination: false,
      depth: 0,
      select: { seq: true, body: true, leafHash: true },
    })
    for (const doc of docs) entries.set(doc.seq, { seq: doc.seq, body: doc.body, leafHash: doc.leafHash })
  }
  return entries
}

/**
 * Checks the receipts a host product kept against the live ledger: each signed by the ledger key
 * (one of `keys`), its entry still there with the leaf hash it was given. Names every receipt whose
 * entry is missing or altered.
 */
export async function verifyReceipts(payload: Payload, items: readonly unknown[], keys: readonly KeyObject[]): Promise<ReceiptsVerdict> {
  const seqs = items.map((item) => (receiptIn(item) as { ledgerSeq?: unknown } | null)?.ledgerSeq).filter((s): s is number => typeof s === 'number')
  return checkReceipts(items, await entriesNumbered(payload, seqs), keys)
}
