import { createHash } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

import type { EncodedDocument, RedlineTask } from './redlineWorker'
import type { Redlines } from './redlines'
import { redlineDocument, type RedlineDocument, type RedlineInput, type RedlineView, type RenderedRedline } from './renderRedline'

/** How the server's redline threads run. */
export interface RedlineWorkerOptions {
  /** Threads computing redlines at once; default one fewer than the cores (1 to 4). */
  threads?: number
  /** How long one redline may compute before its thread is replaced and the coarse redline
   * (linear: whole lines between the texts' common beginning and end) answered; default 20 s. */
  timeoutMs?: number
  /** Renderings kept for the next caller, by texts and view; default 16. */
  capacity?: number
}

interface Job {
  pair: string
  from: RedlineDocument
  to: RedlineDocument
  view: RedlineView
  coarse: boolean
  resolve: (result: RenderedRedline) => void
  reject: (error: unknown) => void
}

interface Thread {
  worker: Worker
  ready: boolean
  job?: Job & { id: number; timer: NodeJS.Timeout }
}

const THREAD_ENTRY = new URL('./redlineThread.mjs', import.meta.url)
/** The coarse redline is linear: past this, something is wrong with the thread. */
const COARSE_TIMEOUT_MS = 60_000
const utf8 = new TextEncoder()
const encoded = ({ text, html }: RedlineDocument): EncodedDocument => ({ text: utf8.encode(text), html: html === undefined ? undefined : utf8.encode(html) })
/** A key for a document: what its text and its page say. */
const digestOf = ({ text, html }: RedlineDocument) => createHash('sha256').update(text).update(html === undefined ? '\0' : `\0${html}`).digest('base64url')

/**
 * Redlines computed and rendered on worker threads, so that two long, fully rewritten versions
 * (seconds of work, and a rendering of tens of thousands of pieces) never hold the event loop:
 * the server keeps answering meanwhile, and gets back one string. Concurrent requests for the
 * same texts and view share one computation; a thread keeps its last redlines, so the other
 * views of a pair are only rendered; the last renderings are kept here. Threads start on first
 * use and never keep the process alive.
 */
export class RedlineWorkers implements Redlines {
  private readonly threads = new Set<Thread>()
  private readonly queue: Job[] = []
  private readonly inFlight = new Map<string, Promise<RenderedRedline>>()
  private readonly done = new Map<string, RenderedRedline>()
  private readonly maxThreads: number
  private readonly timeoutMs: number
  private readonly capacity: number
  private nextId = 1

  constructor(options: RedlineWorkerOptions = {}) {
    this.maxThreads = options.threads ?? Math.min(4, Math.max(1, availableParallelism() - 1))
    this.timeoutMs = options.timeoutMs ?? 20_000
    this.capacity = options.capacity ?? 16
  }

  render(fromInput: RedlineInput, toInput: RedlineInput, view: RedlineView): Promise<RenderedRedline> {
    const [from, to] = [redlineDocument(fromInput), redlineDocument(toInput)]
    const pair = `${digestOf(from)}:${digestOf(to)}`
    const key = `${view}:${pair}`
    const kept = this.done.get(key)
    if (kept) {
      this.done.delete(key)
      this.done.set(key, kept)
      return Promise.resolve(kept)
    }
    const running = this.inFlight.get(key)
    if (running) return running
    const rendered = new Promise<RenderedRedline>((resolve, reject) => {
      this.queue.push({ pair, from, to, view, coarse: false, resolve, reject })
      this.dispatch()
    })
      .then((result) => {
        this.keep(key, result)
        return result
      })
      .finally(() => this.inFlight.delete(key))
    this.inFlight.set(key, rendered)
    return rendered
  }

  /** Stops every thread; redlines not answered yet are refused. */
  async close(): Promise<void> {
    const threads = [...this.threads]
    this.threads.clear()
    const stopped = new Error('The redline threads were stopped.')
    for (const job of this.queue.splice(0)) job.reject(stopped)
    for (const thread of threads) {
      if (thread.job) clearTimeout(thread.job.timer)
      thread.job?.reject(stopped)
    }
    await Promise.all(threads.map((thread) => thread.worker.terminate()))
  }

  private keep(key: string, result: RenderedRedline): void {
    this.done.set(key, result)
    if (this.done.size > this.capacity) this.done.delete(this.done.keys().next().value as string)
  }

  /** Hands queued jobs to free threads, starting threads up to the limit. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const free = [...this.threads].find((thread) => thread.ready && !thread.job)
      if (free) this.assign(free, this.queue.shift()!)
      else if ([...this.threads].every((thread) => thread.ready) && this.threads.size < this.maxThreads) this.start()
      else return
    }
  }

  private start(): void {
    const worker = new Worker(THREAD_ENTRY)
    worker.unref()
    const thread: Thread = { worker, ready: false }
    this.threads.add(thread)
    worker.on('message', (message: { ready?: true; id?: number; rendered?: RenderedRedline }) => {
      if (message.ready) {
        thread.ready = true
        return this.dispatch()
      }
      const job = thread.job
      if (!job || job.id !== message.id) return
      clearTimeout(job.timer)
      thread.job = undefined
      job.resolve(message.rendered!)
      this.dispatch()
    })
    worker.on('error', (error) => this.lose(thread, error))
    worker.on('exit', (code) => this.lose(thread, new Error(`A redline thread stopped (exit code ${code}).`)))
  }

  /** A thread failed or stopped: its job is refused, and the queue too when no thread could
   * start (the next request tries again). */
  private lose(thread: Thread, error: unknown): void {
    if (!this.threads.delete(thread)) return
    if (thread.job) {
      clearTimeout(thread.job.timer)
      thread.job.reject(error)
      thread.job = undefined
    }
    if (!thread.ready && this.threads.size === 0) for (const job of this.queue.splice(0)) job.reject(error)
    this.dispatch()
  }

  private assign(thread: Thread, job: Job): void {
    const id = this.nextId++
    const timer = setTimeout(() => this.overrun(thread, id), job.coarse ? COARSE_TIMEOUT_MS : this.timeoutMs)
    timer.unref()
    thread.job = { ...job, id, timer }
    const { pair, view, coarse } = job
    // The documents go as bytes, moved: a clone of long texts would hold this thread.
    const [from, to] = [encoded(job.from), encoded(job.to)]
    const moved = [from.text, from.html, to.text, to.html].flatMap((bytes) => (bytes ? [bytes.buffer as ArrayBuffer] : []))
    thread.worker.postMessage({ id, pair, from, to, view, coarse } satisfies RedlineTask, moved)
  }

  /** Past the bound the thread is replaced, so the pool is free for the next redline, and the
   * job asks for the coarse redline first in line; a coarse one past its bound is refused. */
  private overrun(thread: Thread, id: number): void {
    const job = thread.job
    if (job?.id !== id) return
    thread.job = undefined
    this.threads.delete(thread)
    void thread.worker.terminate()
    if (job.coarse) job.reject(new Error(`A redline did not finish in ${COARSE_TIMEOUT_MS} ms, even line by line.`))
    else this.queue.unshift({ ...job, coarse: true })
    this.dispatch()
  }
}
