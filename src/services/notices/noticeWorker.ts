import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'

import type { Payload } from 'payload'

import type { NoticeSettings } from '../../config/noticeSettings'
import { retryDelayMs } from '../../domain/smtpOutcome'
import { outboxStore } from '../../store/outbox'
import { pollOutbox, type NextRound } from '../outbox/pollOutbox'
import type { MailSettings } from './deliverNotice'
import { leaseNoticeBatch, releaseUntried, sendNoticeBatch, type BatchOptions, type BatchResult, type LeasedBatch } from './noticeBatch'

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
  let stopping = false
  // The next batch, leased while the last notices of a full batch are still being sent, so the
  // sending never waits out the lease and the reads between two batches.
  let ahead: Promise<LeasedBatch> | undefined
  const leasesAhead = outboxStore(options.payload).leasesWhileRecording
  const leaseAhead = () => {
    if (stopping) return
    ahead = leaseNoticeBatch(batch)
    // Awaited by the next round (or given back on stop): a failure is that round's to report.
    ahead.catch(() => undefined)
  }

  /** Gives a batch leased ahead back to the outbox untried, its attempt not charged; how many. */
  const giveBackAhead = async (reason: string): Promise<number> => {
    const unsent = await ahead?.catch(() => undefined)
    ahead = undefined
    return unsent && unsent.claimed.length > 0 ? releaseUntried(unsent.claimed, reason, batch) : 0
  }

  const runBatch = async (): Promise<BatchResult> => {
    const leased = await (ahead ?? leaseNoticeBatch(batch))
    ahead = undefined
    try {
      const full = leased.claimed.length === options.batchSize
      const result = await sendNoticeBatch(leased, batch, full && leasesAhead ? leaseAhead : undefined)
      // The worker is about to pause: what it leased ahead must not wait out the pause under its lease.
      if (result.unreachable) result.released += await giveBackAhead(result.unreachable)
      return result
    } catch (error) {
      totals.released += await giveBackAhead('the batch before it failed').catch(() => 0)
      throw error
    }
  }

  const round = async (): Promise<NextRound> => {
    const result = await runBatch().catch((error: unknown) => {
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

  const poller = pollOutbox({ round, failed, holdsProcess: true })
  const stop = async () => {
    stopping = true
    await poller.stop()
    totals.released += await giveBackAhead('the worker stopped')
  }
  return { owner, totals, done: poller.done, stop }
}

/** A batch that threw, as told apart from the worker's own reasons to end. */
class BatchFailed extends Error {
  constructor(cause: unknown) {
    super('a notice batch failed', { cause })
  }
}
