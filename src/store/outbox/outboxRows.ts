import type { Notice } from '../../payload-types'

/** Who leases, how many rows at most, for how long, as of when. */
export interface LeaseRequest {
  owner: string
  limit: number
  leaseMs: number
  now: Date
}

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

/** A change decided for a notice under the lease it was claimed with. */
export interface NoticeTransition {
  notice: ClaimedNotice
  change: NoticeChange
}

/** A notice whose lease expired before its outcome was recorded, as stored. */
export type ExpiredNotice = Notice

/** A new notice of a publication, before it is stored. */
export type NewNotice = Record<string, unknown> & { channel: 'email' | 'banner' }

/** A subject as a publication's outbox addresses it. */
export interface NoticeSubject {
  id: number | string
  email?: string | null
}

/** The subject as a notice addresses them, read when the attempt is made. */
export interface Recipient {
  email?: string | null
  name?: string | null
  locale?: string | null
  erasedAt?: string | null
}

/** A webhook delivery leased to one worker for one attempt. */
export interface ClaimedDelivery {
  id: number | string
  /** Null once the endpoint was deleted (its pending deliveries are closed then). */
  endpoint: number | string | null
  event: string
  body: string
  /** Attempts so far, this one included. */
  attempts: number
}

/** What is recorded of one delivery attempt (status, answer, next attempt, error). */
export type DeliveryOutcomeRecord = Record<string, unknown> & { attempts: number }
