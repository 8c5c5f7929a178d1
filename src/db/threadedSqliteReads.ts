import { Worker } from 'node:worker_threads'

import type { RowQuery } from './directQuery'
import { whileBusy } from './sqliteBusy'

/** Reads of a SQLite file run on a thread of their own, and how to stop it. */
export interface ThreadedReads {
  query: RowQuery
  close: () => Promise<void>
}

/**
 * A `RowQuery` for statements that only read the SQLite file at `path`, run on a thread of its own
 * (`sqliteReadThread.cjs`, its own connection, which SQLite lets only read): libsql answers synchronously, so on the
 * asking thread a page's SQLite work and the writing out of the page before took turns; on two
 * threads they overlap. Each statement sees the file as committed when it runs, as on any other
 * connection. A read that finds the file busy is tried again (`whileBusy`).
 */
export function threadedSqliteReads(path: string): ThreadedReads {
  const waiting = new Map<number, { resolve: (rows: Array<Record<string, unknown>>) => void; reject: (error: Error) => void }>()
  let next = 0
  let stopped: Error | undefined
  const failAll = (error: Error) => {
    stopped ??= error
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
  }
  /** The thread, started by the first read: a reader that reads nothing here starts none. */
  let thread: Worker | undefined
  const started = (): Worker => {
    if (thread) return thread
    thread = new Worker(new URL('./sqliteReadThread.cjs', import.meta.url), { workerData: { path } })
    thread.on('message', ({ id, rows, error }: { id: number; rows?: Array<Record<string, unknown>>; error?: { message: string; code?: string } }) => {
      const asked = waiting.get(id)
      waiting.delete(id)
      if (error) asked?.reject(Object.assign(new Error(error.message), { code: error.code }))
      else asked?.resolve(rows ?? [])
    })
    thread.on('error', failAll)
    thread.on('exit', () => failAll(new Error('the SQLite read thread stopped')))
    return thread
  }
  const ask = (text: string, params: readonly unknown[]) =>
    new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
      if (stopped) return reject(stopped)
      const id = next++
      waiting.set(id, { resolve, reject })
      started().postMessage({ id, text, params })
    })
  return {
    query: (text, params) => whileBusy(() => ask(text, params)),
    close: async () => {
      stopped ??= new Error('the SQLite read thread stopped')
      await thread?.terminate()
    },
  }
}
