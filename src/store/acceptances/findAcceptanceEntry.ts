import type { Payload, PayloadRequest } from 'payload'

import { acceptanceEntryPrefix, type ReceiptEntry } from '../../domain/receipt'

/**
 * The ledger entry of an acceptance, read through Payload (inside `req`'s transaction when given):
 * the first acceptance entry appended since the acceptance was created whose body begins with its
 * id. Undefined when the ledger holds none.
 */
export async function findAcceptanceEntry(payload: Payload, acceptance: { id: number | string; createdAt: string }, req?: PayloadRequest): Promise<ReceiptEntry | undefined> {
  const prefix = acceptanceEntryPrefix(acceptance.id)
  const { docs } = await payload.find({
    collection: 'ledger-entries',
    where: { and: [{ createdAt: { greater_than_equal: acceptance.createdAt } }, { kind: { equals: 'acceptance' } }, { body: { contains: prefix } }] },
    sort: 'seq',
    limit: 10,
    pagination: false,
    depth: 0,
    select: { seq: true, body: true, leafHash: true },
    req,
  })
  const doc = docs.find((d) => d.body.startsWith(prefix))
  return doc ? { seq: doc.seq, body: doc.body, leafHash: doc.leafHash } : undefined
}
