import Database from 'libsql'

import type { RowQuery } from './directQuery'

type Statement = Database.Statement<unknown[]>

/** A SQLite connection of Assent's own (libsql's native binding), its statements prepared once. */
export interface NativeSqlite {
  db: Database.Database
  statement: (text: string) => Statement
}

/**
 * Opens the SQLite file of `url`. Reads go to memory-mapped pages instead of a read call per
 * page. `busyTimeoutMs` is how long a write waits, blocking, for another connection's lock (0: it
 * is told at once and can wait without blocking the event loop).
 */
export function openNativeSqlite(url: string, { busyTimeoutMs = 0 } = {}): NativeSqlite {
  const db = new Database(url)
  db.exec('pragma mmap_size = 268435456')
  db.exec(`pragma busy_timeout = ${Math.trunc(busyTimeoutMs)}`)
  const statements = new Map<string, Statement>()
  return {
    db,
    statement: (text) => {
      let statement = statements.get(text)
      if (!statement) statements.set(text, (statement = db.prepare<unknown[]>(text)))
      return statement
    },
  }
}

/** A `RowQuery` on the connection: a statement that returns rows is read, any other is run. */
export const nativeRowQuery = (native: NativeSqlite): RowQuery => async (text, params) => {
  const statement = native.statement(text)
  // Parameters go as one array: a single `null` spread alone would be taken for named ones.
  if (statement.reader) return statement.all(params as unknown[]) as Array<Record<string, unknown>>
  statement.run(params as unknown[])
  return []
}
