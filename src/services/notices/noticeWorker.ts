import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'

import type { Payload } from 'payload'

import type { NoticeSettings } from '../../config/noticeSettings'
import { retryDelayMs } from '../../domain/smtpOutcome'
import type { MailSettings } from './deliverNotice'
import { pollOutbox, type NextRound } from '../outbox/pollOutbox'
import { runNoticeBatch, type BatchOptions, type BatchResult } from './runNoticeBatch'

/** Totals over a worker's life. */
export type WorkerTotals = Omit<BatchResult, 'unreachable'> & { batches: number }

/** A running worker. */
export interface NoticeWorker {
  owner: string
  totals: WorkerTotals
  /** Resolves when the queue has nothing due (`drain`), or after stop(). */
  done: Promise<void>
  /** Finishes the batch in hand, then stops. */
  stop: () => Promise<void>
}

export interface WorkerOptions extends MailSettings, Pick<NoticeSettings, 'batchSize' | 'concurrency' | 'leaseMs' | 'pollMs'> {
  payload: Payload
  /** Stop when nothing is due instead of polling (the CLI without --follow). */
  drain?: boolean
  /** Stop with an error when the SMTP server is unreachable instead of waiting (CLI). */
  failWhenUnreachable?: boolean
  onBatch?: (result: BatchResult) => void
}

/** A unique lease owner per worker: host, process, random. */
export const workerId = () => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`

/**
 * Runs the outbox: batch after batch while notices are due, then polls every `pollMs` (or stops,
 * when draining). An unreachable SMTP server pauses the worker with capped exponential backoff;
 * the notices wait in the outbox. Several workers, in one process or many, share the outbox
 * safely through leases.
 */
export function startNoticeWorker(options: WorkerOptions): NoticeWorker {
  const owner = workerId()
  const totals: WorkerTotals = { batches: 0, claimed: 0, reaped: 0, accepted: 0, retried: 0, uncertain: 0, dead: 0, released: 0 }
  const batch: BatchOptions = { ...options, owner, facts: new Map() }
  let outages = 0

  const round = async (): Promise<NextRound> => {
    const result = await runNoticeBatch(batch).catch((error: unknown) => {
      throw new BatchFailed(error)
    })
    options.onBatch?.(result)
    totals.batches++
    for (const key of ['claimed', 'reaped', 'accepted', 'retried', 'uncertain', 'dead', 'released'] as const) totals[key] += result[key]
    if (result.unreachable) {
      if (options.failWhenUnreachable) throw new Error(`the SMTP server is unreachable (${result.unreachable}); notices wait in the outbox`)
      outages++
      const pause = Math.max(options.pollMs, retryDelayMs(outages, () => 1, options.retryPolicy.baseMs, options.retryPolicy.capMs))
      options.payload.logger.warn(`Notices: the SMTP server is unreachable (${result.unreachable}); ${result.released} notices back in the outbox, next try in ${Math.round(pause / 1000)} s.`)
      return { next: 'wait', ms: pause }
    }
    outages = 0
    if (result.claimed > 0 || result.reaped > 0) return { next: 'now' }
    return options.drain ? { next: 'stop' } : { next: 'wait', ms: options.pollMs }
  }

  const failed = (error: unknown): number => {
    // Only a failed batch is retried: the rest (an unreachable server in the CLI) ends the worker.
    if (!(error instanceof BatchFailed)) throw error
    // A database hiccup must not end the server's worker; what it leased comes back when the lease expires.
    if (options.drain) throw error.cause
    options.payload.logger.error({ err: error.cause }, 'Notices: a batch failed; retrying shortly')
    return Math.max(options.pollMs, 1000)
  }

  const { done, stop } = pollOutbox({ round, failed, holdsProcess: true })
  return { owner, totals, done, stop }
}

/** A batch that threw, as told apart from the worker's own reasons to end. */
class BatchFailed extends Error {
  constructor(cause: unknown) {
    super('a notice batch failed', { cause })
  }
}
