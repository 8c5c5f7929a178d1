/** SQLITE_BUSY (and its kinds, SQLITE_BUSY_SNAPSHOT…): another connection holds the write lock. */
export const isBusy = (error: unknown): boolean =>
  /SQLITE_BUSY|database is locked/i.test(`${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`)

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** How long a write waits for another connection's lock before it fails. */
export const SQLITE_WRITE_WAIT_MS = 30_000

let waiting = 0
let opened: Promise<void> = Promise.resolve()
let open: () => void = () => undefined

/**
 * Writes that found the lock taken, waiting in this process. While one waits, this process starts
 * no new transaction (`untilNoWriterWaits`), so the one holding the lock is the last before it:
 * without that, a steady stream of transactions would keep a waiting write out for good.
 */
function startWaiting(): void {
  if (waiting++ === 0) opened = new Promise<void>((resolve) => (open = resolve))
}

function stopWaiting(): void {
  if (--waiting === 0) open()
}

/** Resolves once no write of this process is waiting for the lock. */
export const untilNoWriterWaits = (): Promise<void> => opened

/** How a write waits for the lock: how long at most, and what to do after each busy attempt. */
export interface BusyWait {
  waitMs?: number
  /** Runs after each attempt that found the lock taken, before the pause (see sqliteTurns.ts). */
  afterBusy?: () => Promise<void>
}

/**
 * Runs `attempt` (a statement or a BEGIN IMMEDIATE on a connection whose busy timeout is 0, so it
 * is told at once that the lock is taken), and while it is busy, waits without blocking the event
 * loop and tries again, up to `waitMs`. `attempt` must be safe to repeat after SQLITE_BUSY: one
 * statement in autocommit mode, a BEGIN, or a batch that rolls itself back.
 */
export async function whileBusy<T>(attempt: () => Promise<T> | T, { waitMs = SQLITE_WRITE_WAIT_MS, afterBusy }: BusyWait = {}): Promise<T> {
  try {
    return await attempt()
  } catch (error) {
    if (!isBusy(error)) throw error
    await afterBusy?.()
  }
  const deadline = Date.now() + waitMs
  startWaiting()
  try {
    for (let round = 0; ; round++) {
      await pause(Math.min(1 + round, 10))
      try {
        return await attempt()
      } catch (error) {
        if (!isBusy(error) || Date.now() > deadline) throw error
        await afterBusy?.()
      }
    }
  } finally {
    stopWaiting()
  }
}

/** How long this process runs SQLite statements before it lets the event loop turn. */
const SLICE_MS = 8
let sliceStart = performance.now()

/**
 * Lets the event loop turn when SQLite work has held it for a slice. libsql answers synchronously,
 * so a Payload operation's statements, awaited one after another, ran as one long task: an
 * autosave held the loop for 60 ms and more, and every other request (a health check, a login
 * status) waited behind it. Turning between statements lets them through.
 */
export async function yieldWhenSliceIsUsed(): Promise<void> {
  if (performance.now() - sliceStart < SLICE_MS) return
  await new Promise((resolve) => setImmediate(resolve))
  sliceStart = performance.now()
}
