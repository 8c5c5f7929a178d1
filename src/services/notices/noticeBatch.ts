import type { Payload } from 'payload'

import { noticeAfterAttempt } from '../../domain/noticeAttempt'
import type { NoticeStanding } from '../../domain/noticeChanges'
import type { AnnouncedVersionFacts, NoticeLanguages } from '../../mail/changeNoticeContext'
import { outboxStore, standingKey, type ClaimedNotice, type NoticeChange, type Recipient } from '../../store/outbox'
import { siteLanguages } from '../locales/siteLanguages'
import { announcedVersionFacts } from './announcedVersionFacts'
import { deliverNotice, type MailSettings } from './deliverNotice'
import { reapExpiredLeases } from './reapExpiredLeases'
import { transitionNotices } from './transitionNotices'

/** The most outcomes recorded in one transaction: what a worker dying mid-batch can leave sent
 * but unrecorded, besides the messages in flight. */
const RECORDED_TOGETHER = 25

/** One worker's identity and pace. */
export interface BatchOptions extends MailSettings {
  payload: Payload
  owner: string
  batchSize: number
  concurrency: number
  leaseMs: number
  /** Version facts and the policy's history up to each version, kept across batches (published
   * versions never change). */
  facts: Map<string, Promise<AnnouncedVersionFacts>>
}

/** What one batch did. `unreachable` is the server's error when it could not be reached. */
export interface BatchResult {
  claimed: number
  reaped: number
  accepted: number
  retried: number
  uncertain: number
  dead: number
  released: number
  unreachable?: string
}

/** A batch of notices leased to one worker, with what sending them needs, read once for the batch. */
export interface LeasedBatch {
  reaped: number
  claimed: ClaimedNotice[]
  recipients: Map<string, Recipient>
  standings: Map<string, NoticeStanding>
  /** The languages notices may be written in (none read for an empty batch). */
  languages?: NoticeLanguages
}

/**
 * The first half of a round of the outbox: takes back expired leases, leases a batch of due email
 * notices, and reads their recipients and where each stands on the policy (last acceptance,
 * notices that reached them) once for the batch.
 */
export async function leaseNoticeBatch(options: BatchOptions): Promise<LeasedBatch> {
  const { payload, retryPolicy } = options
  const now = new Date()
  const reaped = await reapExpiredLeases(payload, now, retryPolicy, options.random)
  const outbox = outboxStore(payload)
  const claimed = await outbox.claimNotices({ owner: options.owner, limit: options.batchSize, leaseMs: options.leaseMs, now })
  if (claimed.length === 0) return { reaped, claimed, recipients: new Map(), standings: new Map() }
  // Read once for the batch: its recipients, where each stands on the policies it announces,
  const subjects = [...new Set(claimed.map((n) => n.subject))]
  const policies = [...new Set(claimed.map((n) => n.policy))]
  // and the languages notices may be written in.
  const [recipients, standings, languages] = await Promise.all([outbox.noticeRecipients(subjects), outbox.noticeStandings(subjects, policies), siteLanguages(payload)])
  return { reaped, claimed, recipients, standings, languages }
}

/**
 * The second half: sends a leased batch `concurrency` at a time and records every outcome (with
 * its ledger entry) under the lease. `onLastTaken` is called once every notice of the batch has
 * been taken up for sending, while the last ones are still in flight.
 * When the SMTP server cannot be reached, the notices not yet tried are released uncharged and
 * the batch reports it, so the worker can back off.
 */
export async function sendNoticeBatch(leased: LeasedBatch, options: BatchOptions, onLastTaken?: () => void): Promise<BatchResult> {
  const { payload } = options
  const { claimed, recipients, standings, languages } = leased
  const result: BatchResult = { claimed: claimed.length, reaped: leased.reaped, accepted: 0, retried: 0, uncertain: 0, dead: 0, released: 0 }
  if (claimed.length === 0) return result
  // Outcomes are recorded in groups as they come in, not all at the end of the batch: a worker
  // that dies mid-batch leaves at most a group of sent-but-unrecorded notices (resent as
  // uncertain), while each group costs one transaction and one ledger append. At most 25 in a
  // group however large the batch, unless more are sent at once.
  const group = Math.max(options.concurrency, Math.min(RECORDED_TOGETHER, Math.ceil(claimed.length / 2)))
  let changes: Array<{ notice: ClaimedNotice; change: NoticeChange }> = []
  let recorded = Promise.resolve()
  const flush = () => {
    const ready = changes
    changes = []
    recorded = recorded.then(async () => void (await transitionNotices(payload, ready)))
    return recorded
  }
  const queue = [...claimed]
  const take = () => {
    const notice = queue.shift()
    if (notice && queue.length === 0) onLastTaken?.()
    return notice
  }
  const slot = async () => {
    for (let notice = take(); notice; notice = take()) {
      if (result.unreachable) {
        changes.push({ notice, change: releasedUntried(notice, result.unreachable, options) })
        result.released++
        continue
      }
      const facts = await announcedVersionFacts(payload, notice.version, options.facts)
      const standing = standings.get(standingKey(notice.subject, notice.policy))
      const { change, outcome } = await deliverNotice(notice, recipients.get(String(notice.subject)), facts, options, standing, languages)
      if (outcome.status === 'unreachable') {
        result.unreachable ??= outcome.reason
        result.released++
      } else if (change.status === 'accepted') result.accepted++
      else if (change.status === 'dead') result.dead++
      else if (change.status === 'uncertain') result.uncertain++
      else result.retried++
      changes.push({ notice, change })
      // Recording runs beside the sending; the chain keeps one transaction at a time.
      if (changes.length >= group) void flush()
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.concurrency, claimed.length) }, slot))
  await flush()
  return result
}

/** Leased notices given back untried (the server unreachable, the worker stopping): pending again, their attempt not charged. */
export async function releaseUntried(notices: readonly ClaimedNotice[], reason: string, options: BatchOptions): Promise<number> {
  return (await transitionNotices(options.payload, notices.map((notice) => ({ notice, change: releasedUntried(notice, reason, options) })))).length
}

/** A notice not tried (the server unreachable, the worker stopping): back to the outbox, not charged. */
function releasedUntried(notice: ClaimedNotice, reason: string, options: BatchOptions): NoticeChange {
  const next = noticeAfterAttempt({ status: 'unreachable', reason: `not tried: ${reason}` }, notice.attempts, new Date(), options.random ?? Math.random, options.retryPolicy)
  return { status: 'pending', attempts: next.attempts, lastReply: next.reply, nextAttemptAt: next.nextAttemptAt!.toISOString() }
}
