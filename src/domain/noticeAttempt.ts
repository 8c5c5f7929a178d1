import { retryDelayMs, type DeliveryOutcome } from './smtpOutcome'

/** How hard a notice is tried: attempts counted against it, and the backoff between them. */
export interface RetryPolicy {
  maxAttempts: number
  baseMs: number
  capMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseMs: 30_000, capMs: 60 * 60_000 }

/** Where a notice stands after an attempt. `attempts` counts the attempts charged to it. */
export interface NoticeAfterAttempt {
  status: 'accepted' | 'pending' | 'uncertain' | 'dead'
  attempts: number
  reply: string
  /** Set when the server accepted the message: the moment the notice reached the subject. */
  reachedAt?: Date
  /** Set while another attempt is due. */
  nextAttemptAt?: Date
}

/**
 * The notice's next state after attempt number `attempt` ended with `outcome`. Accepted and dead
 * are final. A refused or uncertain attempt is retried after a jittered, capped backoff until
 * `maxAttempts` are used up, then the notice is dead: it never counts as notice. An unreachable
 * server is not charged to the notice: it waits, however long that takes, and loses nothing.
 */
export function noticeAfterAttempt(
  outcome: DeliveryOutcome,
  attempt: number,
  now: Date,
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): NoticeAfterAttempt {
  const later = (n: number) => new Date(now.getTime() + retryDelayMs(n, random, policy.baseMs, policy.capMs))
  switch (outcome.status) {
    case 'accepted':
      return { status: 'accepted', attempts: attempt, reply: outcome.reply, reachedAt: now }
    case 'dead':
      return { status: 'dead', attempts: attempt, reply: outcome.reason }
    case 'unreachable':
      return { status: 'pending', attempts: attempt - 1, reply: outcome.reason, nextAttemptAt: later(attempt) }
    case 'retry':
    case 'uncertain':
      if (attempt >= policy.maxAttempts) {
        return { status: 'dead', attempts: attempt, reply: `gave up after ${attempt} attempts; last: ${outcome.reason}` }
      }
      return { status: outcome.status === 'retry' ? 'pending' : 'uncertain', attempts: attempt, reply: outcome.reason, nextAttemptAt: later(attempt) }
  }
}
