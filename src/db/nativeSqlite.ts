import Database from 'libsql'

import type { RowQuery } from './directQuery'
import { whileBusy } from './sqliteBusy'
import { SYNC_BY_WAL_DURABILITY, sqlitePath, walSync } from './walDurability'

type Statement = Database.Statement<unknown[]>

/** A SQLite connection of Assent's own (libsql's native binding), its statements prepared once. */
export interface NativeSqlite {
  db: Database.Database
  /** The file's path, for `walSync`. */
  path: string | undefined
  statement: (text: string) => Statement
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
  const statements = new Map<string, Statement>()
  return {
    db,
    path: sqlitePath(url),
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
  // One statement in autocommit mode: safe to run again when it found the database locked.
  if (statement.reader) return whileBusy(() => statement.all(params as unknown[]) as Array<Record<string, unknown>>)
  const { changes } = await whileBusy(() => statement.run(params as unknown[]))
  if (changes > 0) await walSync(native.path)
  return []
}
