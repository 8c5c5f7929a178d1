import type { Payload, Where } from 'payload'
import { and, eq } from '@payloadcms/db-postgres/drizzle'

import { sqlAdapter, sqlSession } from '../../db/sqlSession'
import { noticeLedgerRecord } from '../../domain/ledgerRecords'
import { appendLedgerEntries } from '../ledger/appendLedgerEntries'
import { withTransaction } from '../withTransaction'
import type { ClaimedNotice } from './claimNotices'

/** The new state of a leased email notice. */
export interface NoticeChange {
  status: 'pending' | 'accepted' | 'uncertain' | 'dead'
  attempts: number
  lastReply: string
  reachedAt?: string | null
  nextAttemptAt?: string | null
  address?: string | null
  messageId?: string | null
  messageHash?: string | null
}

/**
 * Applies changes to leased notices, each only if the lease it was decided under still holds
 * (same owner, same expiry, still `sending`), and appends a ledger entry for every change applied,
 * all in one transaction. A change whose lease was lost (expired and taken over) is dropped: the
 * notice's new holder decides. Returns the ids changed.
 */
export async function transitionNotices(payload: Payload, changes: ReadonlyArray<{ notice: ClaimedNotice; change: NoticeChange }>): Promise<Array<number | string>> {
  if (changes.length === 0) return []
  return withTransaction(payload, async (req) => {
    const adapter = sqlAdapter(payload)
    const db = adapter ? await sqlSession(adapter, req) : undefined
    const t = adapter?.tables.notices
    const applied: Array<{ notice: ClaimedNotice; change: NoticeChange }> = []
    const now = new Date().toISOString()
    for (const item of changes) {
      const { notice, change } = item
      const data = { ...change, leaseOwner: null, leaseExpiresAt: null, updatedAt: now }
      if (db && t) {
        const held = and(eq(t.id, notice.id), eq(t.leaseOwner, notice.leaseOwner), eq(t.status, 'sending'), eq(t.leaseExpiresAt, notice.leaseExpiresAt))
        if ((await db.update(t as never).set(data).where(held).returning()).length > 0) applied.push(item)
      } else {
        const held: Where = { and: [{ id: { equals: notice.id } }, { leaseOwner: { equals: notice.leaseOwner } }, { status: { equals: 'sending' } }] }
        const doc = await payload.db.updateOne({ collection: 'notices', where: held, data, req, returning: true }).catch(() => null)
        if (doc) applied.push(item)
      }
    }
    await appendLedgerEntries(
      req,
      applied.map(({ notice, change }) => ({ kind: 'notice', record: noticeLedgerRecord({ ...notice, ...change, channel: 'email' }) })),
    )
    return applied.map(({ notice }) => notice.id)
  })
}
