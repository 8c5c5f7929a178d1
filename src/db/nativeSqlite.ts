import Database from 'libsql'

import type { CellQuery, RowQuery } from './directQuery'
import { whileBusy } from './sqliteBusy'
import { SYNC_BY_WAL_DURABILITY, sqlitePath, walSync } from './walDurability'

type Statement = Database.Statement<unknown[]>

/** How a `RowQuery` runs a statement, decided when it is prepared (libsql asks SQLite anew each
 * time `reader` is read): every row it reads, its one row, or run as a write. */
type Run = 'all' | 'first' | 'write'

/** A text ending in `limit 1` reads at most one row: libsql's `get` returns it in one call into
 * SQLite, where `all` makes two and an iterator (about 6 µs against 12 on a unique index). */
const ONE_ROW = /\blimit\s+1\s*$/i

/** A SQLite connection of Assent's own (libsql's native binding), its statements prepared once. */
export interface NativeSqlite {
  db: Database.Database
  /** The file's path, for `walSync`. */
  path: string | undefined
  statement: (text: string) => Statement
  /** The statement of `text` with how a `RowQuery` runs it. */
  prepared: (text: string) => Prepared
}

interface Prepared {
  statement: Statement
  run: Run
}

/** How a connection reads. */
export interface NativeSqliteOptions {
  /** Reads go to memory-mapped pages instead of a read call per page (default). Mapped pages count
   * as the process's resident memory, up to the map's 256 MB: a reader that walks the whole file
   * and must stay small (the export CLI) reads through calls instead. */
  memoryMapped?: boolean
}

/**
 * Opens the SQLite file of `url`. A write that meets another connection's lock is told at once
 * (busy timeout 0), so it waits without blocking the event loop (`whileBusy`,
 * `sqliteWriteTransaction`).
 */
export function openNativeSqlite(url: string, { memoryMapped = true }: NativeSqliteOptions = {}): NativeSqlite {
  const db = new Database(url)
  db.exec(`pragma mmap_size = ${memoryMapped ? 268435456 : 0}`)
  db.exec('pragma busy_timeout = 0')
  db.exec(SYNC_BY_WAL_DURABILITY)
  const statements = new Map<string, Prepared>()
  const prepared = (text: string): Prepared => {
    let found = statements.get(text)
    if (!found) {
      const statement = db.prepare<unknown[]>(text)
      statements.set(text, (found = { statement, run: !statement.reader ? 'write' : ONE_ROW.test(text) ? 'first' : 'all' }))
    }
    return found
  }
  return { db, path: sqlitePath(url), prepared, statement: (text) => prepared(text).statement }
}

/** A `RowQuery` on the connection: a statement that returns rows is read, any other is run. */
export const nativeRowQuery = (native: NativeSqlite): RowQuery => async (text, params) => {
  const { statement, run } = native.prepared(text)
  // Parameters go as one array: a single `null` spread alone would be taken for named ones.
  // One statement in autocommit mode: safe to run again when it found the database locked.
  if (run === 'all') return whileBusy(() => statement.all(params as unknown[]) as Array<Record<string, unknown>>)
  if (run === 'first') return whileBusy(() => rowsOf(statement.get(params as unknown[])))
  const { changes } = await whileBusy(() => statement.run(params as unknown[]))
  if (changes > 0) await walSync(native.path)
  return []
}

const rowsOf = (row: unknown): Array<Record<string, unknown>> => (row === undefined ? [] : [row as Record<string, unknown>])

/** A `CellQuery` on the connection, for statements that read: rows as arrays (libsql's raw mode,
 * on statements of their own so that `nativeRowQuery`'s stay as they are). */
export const nativeCellQuery = (native: NativeSqlite): CellQuery => {
  const statements = new Map<string, Statement>()
  return async (text, params) => {
    let statement = statements.get(text)
    if (!statement) statements.set(text, (statement = native.db.prepare<unknown[]>(text).raw(true)))
    return whileBusy(() => statement.all(params as unknown[]) as unknown[][])
  }
}
