import { createHash } from 'node:crypto'

import Database from 'libsql'
import type pg from 'pg'
import type { Payload } from 'payload'

import { numberedPlaceholders, type RowQuery } from './directQuery'
import { payloadQuery } from './payloadQuery'
import { sqlAdapter } from './sqlSession'

type Statement = Database.Statement<unknown[]>

/** SQLite: a reading connection of its own, each statement prepared once. Outside a
 * transaction, WAL gives it the last committed state, as Payload's connection would. */
function sqliteReader(url: string): RowQuery {
  const db = new Database(url)
  // Reads go to memory-mapped pages instead of a read call per page.
  db.exec('pragma mmap_size = 268435456')
  const statements = new Map<string, Statement>()
  return async (text, params) => {
    let statement = statements.get(text)
    if (!statement) statements.set(text, (statement = db.prepare<unknown[]>(text)))
    return statement.all(...(params as unknown[])) as Array<Record<string, unknown>>
  }
}

/** PostgreSQL: Payload's pool, with named statements (parsed and planned once per connection). */
function postgresReader(pool: pg.Pool): RowQuery {
  const names = new Map<string, { name: string; text: string }>()
  return async (text, params) => {
    let named = names.get(text)
    if (!named) names.set(text, (named = { name: `assent_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text: numberedPlaceholders(text) }))
    return (await pool.query({ ...named, values: params as unknown[] })).rows
  }
}

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
  if (adapter?.name === 'postgres') {
    reader = postgresReader((payload.db as unknown as { pool: pg.Pool }).pool)
  } else if (adapter) {
    const url = (payload.db as unknown as { clientConfig?: { url?: string } }).clientConfig?.url ?? ''
    reader = url.startsWith('file:') && !url.includes(':memory:') ? sqliteReader(url) : payloadQuery(payload)
  }
  readers.set(payload, reader)
  return reader
}
