import { SQLITE_WRITE_WAIT_MS, whileBusy } from './sqliteBusy'
import type { NativeSqlite } from './nativeSqlite'
import { walSync } from './walDurability'

interface Pending {
  work: () => unknown
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

const queues = new WeakMap<NativeSqlite, Pending[]>()

/** BEGIN IMMEDIATE, waiting without blocking the event loop while another connection (Payload's,
 * another process) holds the write lock. */
const begin = (native: NativeSqlite, waitMs: number): Promise<void> => whileBusy(() => void native.db.exec('begin immediate'), { waitMs })

/** Commits every write queued so far in one transaction (group commit: one sync to disk for all),
 * each inside a savepoint, so one that fails is rolled back alone and the others still land. */
async function flush(native: NativeSqlite, waitMs: number): Promise<void> {
  try {
    await begin(native, waitMs)
  } catch (error) {
    for (const p of queues.get(native)!.splice(0)) p.reject(error)
    queues.delete(native)
    return
  }
  const batch = queues.get(native)!.splice(0)
  queues.delete(native)
  const outcomes = batch.map((p) => {
    native.db.exec('savepoint assent_write')
    try {
      const value = p.work()
      native.db.exec('release assent_write')
      return { ok: true as const, value }
    } catch (error) {
      native.db.exec('rollback to assent_write')
      native.db.exec('release assent_write')
      return { ok: false as const, error }
    }
  })
  try {
    native.db.exec('commit')
    await walSync(native.path)
  } catch (error) {
    if (native.db.inTransaction) native.db.exec('rollback')
    for (const p of batch) p.reject(error)
    return
  }
  outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.value) : batch[i].reject(o.error)))
}

/**
 * Runs `work` in a write transaction on Assent's own SQLite connection and resolves once it is
 * committed. `work` is synchronous, so nothing else this process does interleaves with it, and
 * its writes land whole or not at all. Writes queued in the same turn of the event loop commit
 * together, in order, each in a savepoint of its own.
 */
export function sqliteWriteTransaction<T>(native: NativeSqlite, work: () => T, waitMs = SQLITE_WRITE_WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(native)
    if (!queue) {
      queues.set(native, (queue = []))
      setImmediate(() => void flush(native, waitMs))
    }
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
  })
}
