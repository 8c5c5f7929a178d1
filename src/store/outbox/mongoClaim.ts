import type { Payload } from 'payload'

import { leaseFields, releasedLeaseFields } from './leaseFields'
import type { OutboxQueue } from './outboxQueue'
import type { LeaseRequest } from './outboxRows'

/** MongoDB: expired leases are put back first where the queue says so (as on SQL); then each
 * claim is one findOneAndUpdate on the due condition, atomic per document; a charged attempt is
 * stored next, under the lease just taken. */
export async function mongoClaim<Claimed>(payload: Payload, queue: OutboxQueue<Claimed>, request: LeaseRequest): Promise<Claimed[]> {
  const at = request.now.toISOString()
  if (queue.releaseExpired) {
    await payload.db.updateMany({
      collection: queue.collection,
      where: { and: [{ status: { equals: 'sending' } }, { leaseExpiresAt: { less_than: at } }] },
      data: releasedLeaseFields(at, queue.releaseExpired.lastError),
    })
  }
  const { updatedAt, ...lease } = leaseFields(request)
  const data = queue.stampsClaimTime ? { ...lease, updatedAt } : lease
  const claimed: Claimed[] = []
  while (claimed.length < request.limit) {
    const doc = (await payload.db.updateOne({ collection: queue.collection, where: queue.dueWhere(at), data, returning: true }).catch(() => null)) as Record<string, unknown> | null
    if (!doc) break
    const attempts = Number(doc.attempts ?? 0) + 1
    if (queue.chargesAttempt) {
      await payload.db.updateOne({ collection: queue.collection, where: { and: [{ id: { equals: doc.id } }, { leaseOwner: { equals: request.owner } }] }, data: { attempts } })
    }
    claimed.push(queue.toClaimed({ ...doc, attempts }))
  }
  return claimed
}
