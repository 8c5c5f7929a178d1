import type { Payload } from 'payload'

import type { IdempotencyRecord } from './AcceptancesStore'

/** The answer kept under `key`, read through Payload on every database (a replay is rare, the
 * write path never reads it). */
export async function idempotencyRecord(payload: Payload, key: string): Promise<IdempotencyRecord | undefined> {
  const { docs } = await payload.find({ collection: 'idempotency-records', where: { key: { equals: key } }, limit: 1, pagination: false, depth: 0 })
  const doc = docs[0]
  return doc ? { requestHash: doc.requestHash, status: doc.status, response: doc.response } : undefined
}
