import type { Payload, Where } from 'payload'
import { and, eq, inArray, lt, lte } from '@payloadcms/db-postgres/drizzle'

import { sqlAdapter } from '../../db/sqlSession'

/** A delivery leased to one worker for one attempt. */
export interface ClaimedDelivery {
  id: number | string
  /** Null once the endpoint was deleted (its pending deliveries are closed then). */
  endpoint: number | string | null
  event: string
  body: string
  /** Attempts so far, this one included. */
  attempts: number
}

const toClaimed = (row: Record<string, unknown>): ClaimedDelivery => ({
  id: row.id as number | string,
  endpoint: (typeof row.endpoint === 'object' && row.endpoint !== null ? (row.endpoint as { id: number }).id : (row.endpoint ?? null)) as number | string | null,
  event: String(row.event),
  body: String(row.body),
  attempts: Number(row.attempts),
})

/**
 * Leases up to `limit` due deliveries to `owner` with one conditional update, so two workers (or
 * instances) never send the same attempt. Leases left by a worker that died are put back first:
 * the endpoint may have received that attempt, so the retry carries the same delivery id.
 */
export async function claimWebhookDeliveries(payload: Payload, owner: string, limit: number, leaseMs: number, now: Date): Promise<ClaimedDelivery[]> {
  const at = now.toISOString()
  const adapter = sqlAdapter(payload)
  if (!adapter) return claimOneByOne(payload, owner, limit, leaseMs, now)
  const t = adapter.tables.webhook_deliveries
  await adapter.drizzle
    .update(t as never)
    .set({ status: 'pending', nextAttemptAt: at, leaseOwner: null, leaseExpiresAt: null, lastError: 'the worker stopped before the endpoint answered', updatedAt: at })
    .where(and(eq(t.status, 'sending'), lt(t.leaseExpiresAt, at)))
  const due = and(eq(t.status, 'pending'), lte(t.nextAttemptAt, at))
  if ((await adapter.drizzle.select({ id: t.id }).from(t as never).where(due).limit(1)).length === 0) return []
  let candidates = adapter.drizzle.select({ id: t.id }).from(t as never).where(due).orderBy(t.nextAttemptAt, t.id).limit(limit)
  if (adapter.name === 'postgres') candidates = candidates.for('update', { skipLocked: true })
  const rows = await adapter.drizzle
    .update(t as never)
    .set({ status: 'sending', nextAttemptAt: null, leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs).toISOString(), lastAttemptAt: at, updatedAt: at })
    .where(and(inArray(t.id, candidates as never), due))
    .returning()
  return rows.map((row) => toClaimed({ ...row, attempts: Number(row.attempts ?? 0) + 1, endpoint: row.endpoint ?? row.endpoint_id }))
}

/** MongoDB: one findOneAndUpdate per delivery, atomic per document. */
async function claimOneByOne(payload: Payload, owner: string, limit: number, leaseMs: number, now: Date): Promise<ClaimedDelivery[]> {
  const at = now.toISOString()
  const due: Where = { and: [{ status: { equals: 'pending' } }, { nextAttemptAt: { less_than_equal: at } }] }
  const claimed: ClaimedDelivery[] = []
  while (claimed.length < limit) {
    const doc = (await payload.db.updateOne({ collection: 'webhook-deliveries', where: due, data: { status: 'sending', nextAttemptAt: null, leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs).toISOString(), lastAttemptAt: at }, returning: true }).catch(() => null)) as Record<string, unknown> | null
    if (!doc) break
    claimed.push(toClaimed({ ...doc, attempts: Number(doc.attempts ?? 0) + 1 }))
  }
  return claimed
}
