import type { NativeSqliteOptions } from './nativeSqlite'
import type { CopyOut } from './postgresCopyOut'

/** Runs one SQL statement with `?` placeholders and returns its rows as plain objects. */
export type RowQuery = (text: string, params: readonly unknown[]) => Promise<Array<Record<string, unknown>>>

/** Runs one SQL statement as `RowQuery` does and returns its rows as arrays of cells, in the order
 * selected: a reader of many rows (the CSV export) then builds no object per row, and the driver
 * names no cell. */
export type CellQuery = (text: string, params: readonly unknown[]) => Promise<unknown[][]>

/** A `CellQuery` over a `RowQuery`, for a connection that gives rows as objects only (Payload's):
 * a row's cells are its values, in the order selected. */
export const cellsOf = (query: RowQuery): CellQuery => async (text, params) => (await query(text, params)).map((row) => Object.values(row))

/** A direct connection to Assent's SQL database, without Payload: what lean readers (the export
 * CLI) use to stay small. */
export interface DirectDatabase {
  dialect: 'sqlite' | 'postgres'
  query: RowQuery
  cells: CellQuery
  /** PostgreSQL only: a query's rows as `COPY` streams them. */
  copyOut?: CopyOut
  close: () => Promise<void>
}

/** `?` placeholders as PostgreSQL's `$1, $2…`. */
export const numberedPlaceholders = (text: string): string => {
  let n = 0
  return text.replace(/\?/g, () => `$${++n}`)
}

/** Opens the SQLite file (read as `options` say) or PostgreSQL database of `url` directly. Only that database's driver is
 * loaded: a short-lived reader (the export CLI) should not pay start-up time for the other. */
export async function openDirectDatabase(url: string, options: NativeSqliteOptions = {}): Promise<DirectDatabase> {
  if (url.startsWith('file:')) {
    const { nativeCellQuery, nativeRowQuery, openNativeSqlite } = await import('./nativeSqlite')
    const native = openNativeSqlite(url, options)
    return { dialect: 'sqlite', query: nativeRowQuery(native), cells: nativeCellQuery(native), close: async () => void native.db.close() }
  }
  const [{ default: pg }, { postgresCopyOut }] = await Promise.all([import('pg'), import('./postgresCopyOut')])
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  return {
    dialect: 'postgres',
    query: async (text, params) => (await client.query(numberedPlaceholders(text), params as unknown[])).rows,
    cells: async (text, params) => (await client.query<unknown[]>({ text: numberedPlaceholders(text), values: params as unknown[], rowMode: 'array' })).rows,
    copyOut: postgresCopyOut(client),
    close: () => client.end(),
  }
}
