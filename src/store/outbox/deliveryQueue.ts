import type { Where } from 'payload'
import { and, eq, lte } from '@payloadcms/db-postgres/drizzle'

import type { OutboxQueue } from './outboxQueue'
import type { ClaimedDelivery } from './outboxRows'

/**
 * The webhook deliveries' outbox: pending deliveries whose next attempt is due. Leases left by a
 * worker that died are put back first: the endpoint may have received that attempt, so the retry
 * carries the same delivery id. The attempt is stored with its outcome.
 */
export const deliveryQueue: OutboxQueue<ClaimedDelivery> = {
  collection: 'webhook-deliveries',
  table: 'webhook_deliveries',
  due: (t, at) => and(eq(t.status, 'pending'), lte(t.nextAttemptAt, at)),
  dueWhere: (at): Where => ({ and: [{ status: { equals: 'pending' } }, { nextAttemptAt: { less_than_equal: at } }] }),
  chargesAttempt: false,
  stampsClaimTime: false,
  releaseExpired: { lastError: 'the worker stopped before the endpoint answered' },
  toClaimed: (row) => {
    const endpoint = row.endpoint ?? row.endpoint_id
    return {
      id: row.id as number | string,
      endpoint: (typeof endpoint === 'object' && endpoint !== null ? (endpoint as { id: number }).id : (endpoint ?? null)) as number | string | null,
      event: String(row.event),
      body: String(row.body),
      attempts: Number(row.attempts),
    }
  },
}
