import type { Payload } from 'payload'

import type { BundleEntry } from '../../domain/verifyLedgerBundle'

const PAGE = 5000

/** Every ledger entry in order (those after number `from`), read in pages so a large ledger
 * streams through memory. */
export async function* ledgerEntries(payload: Payload, from = 0): AsyncGenerator<BundleEntry> {
  for (let after = from; ; ) {
    const { docs } = await payload.find({
      collection: 'ledger-entries',
      where: { seq: { greater_than: after } },
      sort: 'seq',
      limit: PAGE,
      pagination: false,
      depth: 0,
      select: { seq: true, body: true, leafHash: true },
    })
    for (const doc of docs) yield { seq: doc.seq, body: doc.body, leafHash: doc.leafHash }
    if (docs.length < PAGE) return
    after = docs[docs.length - 1].seq
  }
}
