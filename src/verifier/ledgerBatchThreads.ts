import { Worker } from 'node:worker_threads'

import type { BatchTask } from './ledgerBatchWorker'
import type { ScannedBatch, UnusualBatch } from './scanLedgerBatch'

const THREAD_ENTRY = new URL('./ledgerBatchThread.cjs', import.meta.url)

/** What is done with a scanned batch, in order; false stops the scan (the batch was unusual). */
export type TakeBatch = (scanned: ScannedBatch | UnusualBatch) => boolean

/**
 * Worker threads scanning batches of ledger entries: batches go to them in turn, moved (not
 * copied) and moved back, at most two per thread in flight so the file is never read far ahead of
 * them, and their results are taken in the order of the batches.
 */
export class LedgerBatchThreads {
  private readonly workers: Worker[]
  private readonly done = new Map<number, ScannedBatch | UnusualBatch>()
  private sent = 0
  private taken = 0
  private failure: unknown
  private wake?: () => void
  private closing = false
  private started = 0

  /** `release` is given each batch's buffer back once a thread has read it. */
  constructor(count: number, fullBatch: number, textStatus: ReadonlyMap<string, boolean>, release: (buffer: ArrayBuffer) => void) {
    this.workers = Array.from({ length: count }, () => {
      // No inherited `--import tsx`: it would start an ESM loader thread in every worker.
      const worker = new Worker(THREAD_ENTRY, { workerData: { fullBatch, textStatus }, execArgv: [] })
      worker.on('message', ({ ready, index, scanned, bytes }: { ready?: true; index: number; scanned: ScannedBatch | UnusualBatch; bytes: ArrayBuffer }) => {
        if (ready) return void this.started++
        release(bytes)
        this.done.set(index, scanned)
        this.wake?.()
      })
      worker.on('error', (error) => this.fail(error))
      worker.on('exit', (code) => this.closing || this.fail(new Error(`A ledger verification thread stopped (exit code ${code}).`)))
      return worker
    })
  }

  /** Whether a thread has started (loading one takes a while: the batches before can be scanned
   * meanwhile by the caller). */
  get ready(): boolean {
    return this.started > 0
  }

  /** Hands the next batch (its first entry `first`) to a thread, then takes what is finished, in
   * order, waiting while too many are in flight. */
  async scan(first: number, bytes: Uint8Array, take: TakeBatch): Promise<boolean> {
    const index = this.sent++
    this.workers[index % this.workers.length].postMessage({ index, first, bytes } satisfies BatchTask, [bytes.buffer as ArrayBuffer])
    while (this.sent - this.taken >= 2 * this.workers.length || this.done.has(this.taken)) {
      if (!take(await this.next())) return false
    }
    return true
  }

  /** Takes every batch still in flight, in order. */
  async drain(take: TakeBatch): Promise<boolean> {
    while (this.taken < this.sent) if (!take(await this.next())) return false
    return true
  }

  async close(): Promise<void> {
    this.closing = true
    await Promise.all(this.workers.map((worker) => worker.terminate()))
  }

  private async next(): Promise<ScannedBatch | UnusualBatch> {
    while (!this.done.has(this.taken)) {
      if (this.failure) throw this.failure
      await new Promise<void>((resolve) => (this.wake = resolve))
    }
    const scanned = this.done.get(this.taken)!
    this.done.delete(this.taken++)
    return scanned
  }

  private fail(error: unknown): void {
    this.failure ??= error
    this.wake?.()
  }
}
