import type { Payload } from 'payload'

import type { ClaimedDelivery, DeliveryOutcomeRecord, ExpiredNotice } from './outboxRows'

/** Up to 500 notices still `sending` whose lease expired, through the Local API on any database.
 * Runs before every batch: no count of the matches, just the first 500. */
export async function expiredNoticeLeases(payload: Payload, now: Date): Promise<ExpiredNotice[]> {
  const { docs } = await payload.find({
    collection: 'notices',
    where: { and: [{ status: { equals: 'sending' } }, { leaseExpiresAt: { less_than: now.toISOString() } }] },
    limit: 500,
    pagination: false,
    depth: 0,
  })
  return docs
}

/** A delivery's outcome, written only while `owner` holds its lease, which it ends. */
export async function recordDelivery(payload: Payload, delivery: ClaimedDelivery, owner: string, outcome: DeliveryOutcomeRecord): Promise<void> {
  await payload.db.updateOne({
    collection: 'webhook-deliveries',
    where: { and: [{ id: { equals: delivery.id } }, { leaseOwner: { equals: owner } }] },
    data: { ...outcome, leaseOwner: null, leaseExpiresAt: null },
  })
}
