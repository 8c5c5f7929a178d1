import pg from 'pg'

import { nativeRowQuery, openNativeSqlite } from './nativeSqlite'

/** Runs one SQL statement with `?` placeholders and returns its rows as plain objects. */
export type RowQuery = (text: string, params: readonly unknown[]) => Promise<Array<Record<string, unknown>>>

/** A direct connection to Assent's SQL database, without Payload: what lean readers (the export
 * CLI) use to stay small. */
export interface DirectDatabase {
  dialect: 'sqlite' | 'postgres'
  query: RowQuery
  close: () => Promise<void>
}

/** `?` placeholders as PostgreSQL's `$1, $2…`. */
export const numberedPlaceholders = (text: string): string => {
  let n = 0
  return text.replace(/\?/g, () => `$${++n}`)
}

/** Opens the SQLite file or PostgreSQL database of `url` directly. */
export async function openDirectDatabase(url: string): Promise<DirectDatabase> {
  if (url.startsWith('file:')) {
    const native = openNativeSqlite(url)
    return { dialect: 'sqlite', query: nativeRowQuery(native), close: async () => void native.db.close() }
  }
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  return {
    dialect: 'postgres',
    query: async (text, params) => (await client.query(numberedPlaceholders(text), params as unknown[])).rows,
    close: () => client.end(),
  }
}
