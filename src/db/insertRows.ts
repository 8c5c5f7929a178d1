import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'

import type { SqlDb } from './sqlSession'

/** Rows per INSERT: well under SQLite's limit on bound parameters. */
const CHUNK = 500

/** Column of a drizzle table (with its database name). */
type Column = SQL & { name: string }

/** Options of `insertRows`. */
export interface InsertOptions {
  /** Return what was stored (ids included), keyed by field name as drizzle returns it. */
  returning?: boolean
  /** The database: on SQLite the rows go in as one JSON parameter (see `sqliteJsonInsert`). */
  on?: 'sqlite' | 'postgres'
}

/** Inserts rows 500 at a time; with `returning`, returns what was stored (ids included). */
export async function insertRows<T = Record<string, unknown>>(db: SqlDb, table: unknown, rows: readonly Record<string, unknown>[], { returning = false, on }: InsertOptions = {}): Promise<T[]> {
  const stored: T[] = []
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK)
    if (on === 'sqlite') {
      stored.push(...((await sqliteJsonInsert(db, table as Record<string, Column>, chunk, returning)) as T[]))
      continue
    }
    const insert = db.insert(table as never).values(chunk)
    if (returning) stored.push(...((await insert.returning()) as T[]))
    else await insert
  }
  return stored
}

/**
 * SQLite: one INSERT … SELECT over `json_each` of the rows passed as one JSON parameter. Its
 * statement is the same few lines for any number of rows. A multi-row VALUES statement is built
 * by drizzle and compiled by libsql anew on every call (libsql prepares per execute), one bound
 * parameter per cell; 500 rows compile to about half a megabyte, held outside the JS heap until
 * the statement is collected. A field a row leaves undefined is stored as null.
 */
async function sqliteJsonInsert(db: SqlDb, table: Record<string, Column>, rows: readonly Record<string, unknown>[], returning: boolean): Promise<Array<Record<string, unknown>>> {
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row).filter((f) => row[f] !== undefined)))]
  for (const f of fields) if (!table[f]?.name) throw new Error(`insertRows: the table has no field "${f}"`)
  const values = JSON.stringify(rows.map((row) => fields.map((f) => row[f] ?? null)))
  const columns = sql.join(fields.map((f) => sql.identifier(table[f].name)), sql`, `)
  const picks = sql.join(fields.map((_, i) => sql.raw(`json_extract(value, '$[${i}]')`)), sql`, `)
  const query = sql`insert into ${table as never} (${columns}) select ${picks} from json_each(${values})`
  const raw = db as unknown as { all: (q: SQL) => Promise<Array<Record<string, unknown>>>; run: (q: SQL) => Promise<unknown> }
  if (!returning) {
    await raw.run(query)
    return []
  }
  // Returned under the database's column names: mapped back to the field names drizzle uses.
  const byColumn = new Map(Object.entries(table).filter(([, c]) => typeof c?.name === 'string').map(([f, c]) => [c.name, f]))
  const stored = await raw.all(sql`${query} returning *`)
  // In the order the rows were given, as a multi-row VALUES insert returns them.
  return stored.map((row) => Object.fromEntries(Object.entries(row).map(([c, v]) => [byColumn.get(c) ?? c, v]))).sort((a, b) => Number(a.id) - Number(b.id))
}
