import type { KeyObject } from 'node:crypto'

import type { Payload } from 'payload'

import { checkReceipts, receiptIn, receiptKeys, type ReceiptsVerdict } from '../../domain/checkReceipts'
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

/** The ledger's key-rotation entries, oldest first. */
async function rotationEntries(payload: Payload): Promise<ReceiptEntry[]> {
  const { docs } = await payload.find({ collection: 'ledger-entries', where: { kind: { equals: 'key-rotation' } }, sort: 'seq', pagination: false, depth: 0, select: { seq: true, body: true, leafHash: true } })
  return docs.map(({ seq, body, leafHash }) => ({ seq, body, leafHash }))
}

/**
 * Checks the receipts a host product kept against the live ledger: each signed by a key of the
 * ledger's chain (from `publicKeyPem`, the server's key, through its recorded rotations; it must
 * contain `pin` when one is given), its entry still there with the leaf hash it was given. Names
 * every receipt whose entry is missing or altered; a key chain that cannot be trusted fails all.
 */
export async function verifyReceipts(payload: Payload, items: readonly unknown[], publicKeyPem: string, pin?: string): Promise<{ verdict: ReceiptsVerdict; keys: KeyObject[] }> {
  const { keys, problems } = receiptKeys(publicKeyPem, await rotationEntries(payload), pin)
  if (keys.length === 0) return { verdict: { held: 0, problems }, keys }
  const seqs = items.map((item) => (receiptIn(item) as { ledgerSeq?: unknown } | null)?.ledgerSeq).filter((s): s is number => typeof s === 'number')
  const verdict = checkReceipts(items, await entriesNumbered(payload, seqs), keys)
  return { verdict: { held: verdict.held, problems: [...problems, ...verdict.problems] }, keys }
}
