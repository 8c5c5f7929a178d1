import type { Payload } from 'payload'

import { noticeAfterAttempt, type RetryPolicy } from '../../domain/noticeAttempt'
import { outboxStore, type ClaimedNotice } from '../../store/outbox'
import { transitionNotices } from './transitionNotices'

const LOST = 'lease expired before the outcome was recorded (the worker stopped); the message may have been sent'

/**
 * Takes back notices whose worker stopped mid-attempt (crash, kill, lost database): the lease has
 * expired, so nobody knows whether the server got the message. They become `uncertain` and are
 * retried with the same Message-ID (or dead once their attempts are used up). Returns how many.
 */
export async function reapExpiredLeases(payload: Payload, now: Date, policy: RetryPolicy, random: () => number = Math.random): Promise<number> {
  const docs = await outboxStore(payload).expiredNoticeLeases(now)
  const changes = docs.map((doc) => {
    const next = noticeAfterAttempt({ status: 'uncertain', reason: LOST }, doc.attempts ?? 1, now, random, policy)
    const notice = { ...doc, attempts: doc.attempts ?? 1, status: 'sending', leaseOwner: doc.leaseOwner ?? '', leaseExpiresAt: doc.leaseExpiresAt ?? '' } as ClaimedNotice
    return {
      notice,
      change: { status: next.status, attempts: next.attempts, lastReply: next.reply, nextAttemptAt: next.nextAttemptAt?.toISOString() ?? null, messageId: doc.messageId, messageHash: doc.messageHash, address: doc.address },
    }
  })
  return (await transitionNotices(payload, changes)).length
}
