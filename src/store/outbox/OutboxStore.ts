import type { PayloadRequest } from 'payload'

import type { NoticeStanding } from '../../domain/noticeChanges'
import type { ClaimedDelivery, ClaimedNotice, DeliveryOutcomeRecord, ExpiredNotice, LeaseRequest, NewNotice, NoticeSubject, NoticeTransition, Recipient } from './outboxRows'

/**
 * The leased outboxes, email notices and webhook deliveries: rows wait until due, a worker leases
 * a batch for a while, and records each outcome only while its lease still holds, so several
 * workers (in one process or many) share a queue safely. One claim serves both queues
 * (`noticeQueue`, `deliveryQueue`); what differs is configuration.
 */
export interface OutboxStore {
  /** Whether a lease may be taken while outcomes are being recorded (a worker then leases its
   * next batch while the last notices of one are in flight). Not on SQLite: its one writer makes
   * the lease wait for the recording, and in memory (the tests) a read beside a write transaction
   * is refused. */
  leasesWhileRecording: boolean
  /** Leases up to `limit` due email notices to `owner`, charging each one attempt. */
  claimNotices: (request: LeaseRequest) => Promise<ClaimedNotice[]>
  /** Up to 500 notices whose lease expired before their outcome was recorded. */
  expiredNoticeLeases: (now: Date) => Promise<ExpiredNotice[]>
  /** Applies each change only while the lease it was decided under still holds (same owner,
   * same expiry, still `sending`), in `req`'s transaction. Returns the transitions applied. */
  applyNoticeTransitions: (req: PayloadRequest, transitions: readonly NoticeTransition[], now: string) => Promise<NoticeTransition[]>
  /** The subjects not erased, a page at a time, read in `req`'s transaction. */
  unerasedSubjects: (req: PayloadRequest) => AsyncIterable<NoticeSubject[]>
  /** Stores a publication's new notices in `req`'s transaction, each entering the ledger as
   * `pending`. */
  addNotices: (req: PayloadRequest, notices: readonly NewNotice[], now: string) => Promise<void>
  /** Once a publication's notices are stored, in `req`'s transaction: PostgreSQL gathers the
   * notices table's statistics again (ANALYZE), so the workers' reads are planned on the table
   * as it now is, not as it was before the publication; nothing elsewhere. */
  noticesAdded: (req: PayloadRequest) => Promise<void>
  /** The subjects a batch of notices addresses, by id. */
  noticeRecipients: (subjects: ReadonlyArray<number | string>) => Promise<Map<string, Recipient>>
  /** Where each subject stands on each policy (last version accepted, versions whose notice
   * reached them), keyed by `standingKey`. */
  noticeStandings: (subjects: ReadonlyArray<number | string>, policies: ReadonlyArray<number | string>) => Promise<Map<string, NoticeStanding>>
  /** Leases up to `limit` due webhook deliveries to `owner`, after putting back expired leases. */
  claimDeliveries: (request: LeaseRequest) => Promise<ClaimedDelivery[]>
  /** Records a delivery attempt's outcome and ends its lease, if `owner` still holds it. */
  recordDelivery: (delivery: ClaimedDelivery, owner: string, outcome: DeliveryOutcomeRecord) => Promise<void>
}
