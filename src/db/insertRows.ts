import type { SqlDb } from './sqlSession'

/** Rows per INSERT: well under SQLite's limit on bound parameters. */
const CHUNK = 500

/** Inserts rows with multi-row INSERTs of 500 each; with `returning`, returns what was stored
 * (ids included). */
export async function insertRows<T = Record<string, unknown>>(db: SqlDb, table: unknown, rows: readonly Record<string, unknown>[], { returning = false } = {}): Promise<T[]> {
  const stored: T[] = []
  for (let i = 0; i < rows.length; i += CHUNK) {
    const insert = db.insert(table as never).values(rows.slice(i, i + CHUNK))
    if (returning) stored.push(...((await insert.returning()) as T[]))
    else await insert
  }
  return stored
}
