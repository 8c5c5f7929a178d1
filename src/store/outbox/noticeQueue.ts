import type { Where } from 'payload'
import { lte } from '@payloadcms/db-postgres/drizzle'

import { refId, type Ref } from '../../domain/refId'
import type { OutboxQueue } from './outboxQueue'
import type { ClaimedNotice } from './outboxRows'

/**
 * The email notices' outbox. Only email notices waiting for an attempt (pending or uncertain) have
 * a next attempt time: a claim clears it, an outcome sets it again only when another attempt is
 * due. So "due" on SQL is just that, served by the partial index notices_due_idx without sorting.
 * A claim charges the attempt; expired leases are reaped by the worker (they become uncertain).
 */
export const noticeQueue: OutboxQueue<ClaimedNotice> = {
  collection: 'notices',
  table: 'notices',
  due: (t, at) => lte(t.nextAttemptAt, at),
  dueWhere: (at): Where => ({ and: [{ channel: { equals: 'email' } }, { status: { in: ['pending', 'uncertain'] } }, { nextAttemptAt: { less_than_equal: at } }] }),
  chargesAttempt: true,
  stampsClaimTime: true,
  toClaimed: (row) => ({
    id: row.id as number | string,
    subject: refId(row.subject as Ref)!,
    policy: refId(row.policy as Ref)!,
    version: refId(row.version as Ref)!,
    versionNumber: Number(row.versionNumber),
    attempts: Number(row.attempts),
    status: 'sending',
    leaseOwner: row.leaseOwner as string,
    leaseExpiresAt: String(row.leaseExpiresAt),
  }),
}
