import { and, eq, inArray, lt, sql } from '@payloadcms/db-postgres/drizzle'

import type { SqlAdapter } from '../../db/sqlSession'
import { leaseFields, releasedLeaseFields } from './leaseFields'
import type { OutboxQueue, OutboxTable } from './outboxQueue'
import type { LeaseRequest } from './outboxRows'

/**
 * Leases up to `limit` due rows of `queue` to `owner` with one conditional UPDATE, so two workers
 * never hold the same row: on PostgreSQL the candidates are locked with FOR UPDATE SKIP LOCKED
 * inside the UPDATE; SQLite runs the statement under its single writer lock. A plain read comes
 * first, so an idle worker polling an empty outbox takes no write lock (SQLite has one writer).
 */
export async function sqlClaim<Claimed>(adapter: SqlAdapter, queue: OutboxQueue<Claimed>, request: LeaseRequest): Promise<Claimed[]> {
  const at = request.now.toISOString()
  const t = adapter.tables[queue.table] as OutboxTable
  if (queue.releaseExpired) {
    await adapter.drizzle
      .update(t as never)
      .set(releasedLeaseFields(at, queue.releaseExpired.lastError))
      .where(and(eq(t.status, 'sending'), lt(t.leaseExpiresAt, at)))
  }
  const due = queue.due(t, at)
  if ((await adapter.drizzle.select({ id: t.id }).from(t as never).where(due).limit(1)).length === 0) return []
  let candidates = adapter.drizzle.select({ id: t.id }).from(t as never).where(due).orderBy(t.nextAttemptAt, t.id).limit(request.limit)
  if (adapter.name === 'postgres') candidates = candidates.for('update', { skipLocked: true })
  // The candidates alone decide: FOR UPDATE already checked them against `due` once locked, and
  // checking `due` again beside them lets PostgreSQL rescan the LIMITed candidates and lease more.
  const rows = await adapter.drizzle
    .update(t as never)
    .set(queue.chargesAttempt ? { ...leaseFields(request), attempts: sql`${t.attempts} + 1` } : leaseFields(request))
    .where(inArray(t.id, candidates as never))
    .returning()
  return rows.map((row) => queue.toClaimed(queue.chargesAttempt ? row : { ...row, attempts: Number(row.attempts ?? 0) + 1 }))
}
