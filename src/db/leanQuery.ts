import type pg from 'pg'
import type { Payload } from 'payload'

import type { RowQuery } from './directQuery'
import { nativeRowQuery, openNativeSqlite, type NativeSqlite } from './nativeSqlite'
import { payloadQuery } from './payloadQuery'
import { preparedStatement } from './preparedStatement'
import { sqlAdapter } from './sqlSession'

const natives = new WeakMap<Payload, NativeSqlite | undefined>()

/** The native connection to Payload's SQLite file, or undefined (PostgreSQL, MongoDB, in-memory
 * or remote SQLite). Outside a transaction, WAL gives it the last committed state. */
export function nativeSqlite(payload: Payload): NativeSqlite | undefined {
  if (natives.has(payload)) return natives.get(payload)
  const url = sqlAdapter(payload)?.name === 'sqlite' ? ((payload.db as unknown as { clientConfig?: { url?: string } }).clientConfig?.url ?? '') : ''
  const native = url.startsWith('file:') && !url.includes(':memory:') ? openNativeSqlite(url) : undefined
  natives.set(payload, native)
  return native
}

/** Closes Assent's own SQLite connection of `payload`, if it opened one. */
export function closeNativeSqlite(payload: Payload): void {
  const native = natives.get(payload)
  natives.delete(payload)
  readers.delete(payload)
  if (native?.db.open) native.db.close()
}

/** PostgreSQL: Payload's pool, with named statements (parsed and planned once per connection). */
function postgresReader(pool: pg.Pool): RowQuery {
  return async (text, params) => (await pool.query({ ...preparedStatement(text), values: params as unknown[] })).rows
}

/** Payload's PostgreSQL pool, or undefined on other databases. */
export const postgresPool = (payload: Payload): pg.Pool | undefined =>
  sqlAdapter(payload)?.name === 'postgres' ? (payload.db as unknown as { pool: pg.Pool }).pool : undefined

const readers = new WeakMap<Payload, RowQuery | undefined>()

/**
 * Reads for the hot paths (every login's status check, every API key): plain SQL with `?`
 * placeholders, prepared once. Not for reads inside a transaction. On a SQLite file it reads
 * through a connection of its own; on PostgreSQL through Payload's pool; on other SQLite URLs
 * through Payload's connection; on MongoDB there is none (undefined).
 */
export function leanQuery(payload: Payload): RowQuery | undefined {
  if (readers.has(payload)) return readers.get(payload)
  const adapter = sqlAdapter(payload)
  let reader: RowQuery | undefined
  const pool = postgresPool(payload)
  if (pool) {
    reader = postgresReader(pool)
  } else if (adapter) {
    const native = nativeSqlite(payload)
    reader = native ? nativeRowQuery(native) : payloadQuery(payload)
  }
  readers.set(payload, reader)
  return reader
}
