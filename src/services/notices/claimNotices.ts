import type { Payload, Where } from 'payload'
import { inArray, lte, sql } from '@payloadcms/db-postgres/drizzle'

import { sqlAdapter } from '../../db/sqlSession'
import { refId, type Ref } from '../../domain/refId'

/** An email notice leased to one worker for one attempt. */
export interface ClaimedNotice {
  id: number | string
  subject: number | string
  policy: number | string
  version: number | string
  versionNumber: number
  /** Attempts charged so far, this one included. */
  attempts: number
  status: 'sending'
  leaseOwner: string
  leaseExpiresAt: string
}

/** Who claims, how many, for how long. */
export interface ClaimRequest {
  owner: string
  limit: number
  leaseMs: number
  now: Date
}

/**
 * Leases up to `limit` due email notices (pending or uncertain, next attempt due) to `owner` with
 * one atomic conditional update, so two workers never hold the same notice: on PostgreSQL the
 * candidates are locked with FOR UPDATE SKIP LOCKED inside the UPDATE; SQLite runs the statement
 * under its single writer lock; MongoDB claims one document at a time with findOneAndUpdate.
 */
export async function claimNotices(payload: Payload, { owner, limit, leaseMs, now }: ClaimRequest): Promise<ClaimedNotice[]> {
  const at = now.toISOString()
  const lease = { status: 'sending', nextAttemptAt: null, leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs).toISOString(), lastAttemptAt: at, updatedAt: at }
  const adapter = sqlAdapter(payload)
  if (!adapter) return claimOneByOne(payload, limit, at, lease)
  const t = adapter.tables.notices
  // Only email notices waiting for an attempt (pending or uncertain) have a next attempt time: a
  // claim clears it, an outcome sets it again only when another attempt is due. So "due" is just
  // this, served by the partial index notices_due_idx without sorting.
  const due = lte(t.nextAttemptAt, at)
  // A plain read first: an idle worker polling an empty outbox takes no write lock (SQLite has one writer).
  if ((await adapter.drizzle.select({ id: t.id }).from(t as never).where(due).limit(1)).length === 0) return []
  let candidates = adapter.drizzle.select({ id: t.id }).from(t as never).where(due).orderBy(t.nextAttemptAt, t.id).limit(limit)
  if (adapter.name === 'postgres') candidates = candidates.for('update', { skipLocked: true })
  const rows = await adapter.drizzle
    .update(t as never)
    .set({ ...lease, attempts: sql`${t.attempts} + 1` })
    .where(inArray(t.id, candidates as never))
    .returning()
  return rows.map(toClaimed)
}

function toClaimed(row: Record<string, unknown>): ClaimedNotice {
  return {
    id: row.id as number | string,
    subject: refId(row.subject as Ref)!,
    policy: refId(row.policy as Ref)!,
    version: refId(row.version as Ref)!,
    versionNumber: Number(row.versionNumber),
    attempts: Number(row.attempts),
    status: 'sending',
    leaseOwner: row.leaseOwner as string,
    leaseExpiresAt: String(row.leaseExpiresAt),
  }
}

/** MongoDB: each claim is one findOneAndUpdate on the due condition, atomic per document. */
async function claimOneByOne(payload: Payload, limit: number, at: string, lease: Record<string, string | null>): Promise<ClaimedNotice[]> {
  const due: Where = { and: [{ channel: { equals: 'email' } }, { status: { in: ['pending', 'uncertain'] } }, { nextAttemptAt: { less_than_equal: at } }] }
  const claimed: ClaimedNotice[] = []
  while (claimed.length < limit) {
    const doc = (await payload.db.updateOne({ collection: 'notices', where: due, data: lease, returning: true }).catch(() => null)) as Record<string, unknown> | null
    if (!doc) break
    const attempts = Number(doc.attempts ?? 0) + 1
    await payload.db.updateOne({ collection: 'notices', where: { and: [{ id: { equals: doc.id } }, { leaseOwner: { equals: lease.leaseOwner } }] }, data: { attempts } })
    claimed.push(toClaimed({ ...doc, attempts }))
  }
  return claimed
}
