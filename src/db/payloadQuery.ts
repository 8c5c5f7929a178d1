import type { Payload } from 'payload'
import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'

import type { RowQuery } from './directQuery'
import { sqlAdapter, type SqlAdapter } from './sqlSession'

/** Rows of a raw query on either SQL adapter. */
export async function sqlRows(adapter: SqlAdapter, query: SQL): Promise<Array<Record<string, unknown>>> {
  const db = adapter.drizzle as unknown as { execute?: (q: SQL) => Promise<{ rows: Array<Record<string, unknown>> }>; all?: (q: SQL) => Promise<Array<Record<string, unknown>>> }
  return adapter.name === 'postgres' ? (await db.execute!(query)).rows : db.all!(query)
}

/** A `RowQuery` (text with `?` placeholders, bound as parameters) over Payload's own SQL
 * connection, or undefined on MongoDB. */
export function payloadQuery(payload: Payload): RowQuery | undefined {
  const adapter = sqlAdapter(payload)
  if (!adapter) return undefined
  return (text, params) => {
    const pieces = text.split('?')
    let query = sql.raw(pieces[0])
    pieces.slice(1).forEach((piece, i) => {
      query = sql`${query}${params[i]}${sql.raw(piece)}`
    })
    return sqlRows(adapter, query)
  }
}
