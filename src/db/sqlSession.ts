import type { Payload, PayloadRequest } from 'payload'
import type { SQL } from '@payloadcms/db-postgres/drizzle'

/** The query-builder surface Assent uses, common to drizzle's SQLite and PostgreSQL databases. */
export interface SqlDb {
  insert: (table: never) => { values: (rows: Record<string, unknown>[]) => Promise<unknown> & { returning: () => Promise<Record<string, unknown>[]>; onConflictDoNothing: () => Promise<unknown> } }
  update: (table: never) => { set: (values: Record<string, unknown>) => { where: (condition: SQL | undefined) => Promise<unknown> & { returning: () => Promise<Record<string, unknown>[]> } } }
  select: (fields?: Record<string, unknown>) => { from: (table: never) => SelectQuery }
  execute?: (query: SQL) => Promise<unknown>
}

interface SelectQuery extends Promise<Record<string, unknown>[]> {
  where: (condition: SQL | undefined) => SelectQuery
  innerJoin: (table: never, on: SQL) => SelectQuery
  orderBy: (...columns: unknown[]) => SelectQuery
  limit: (n: number) => SelectQuery
  groupBy: (...columns: unknown[]) => SelectQuery
  for: (strength: 'update', config?: { skipLocked?: boolean }) => SelectQuery
}

/** Payload's SQL adapters (SQLite, PostgreSQL), as far as Assent's bulk and lease queries need them. */
export interface SqlAdapter {
  name: 'sqlite' | 'postgres'
  drizzle: SqlDb
  tables: Record<string, Record<string, never>>
  sessions: Record<string, { db: SqlDb } | undefined>
}

/** The SQL adapter behind `payload`, or undefined on MongoDB. */
export function sqlAdapter(payload: Payload): SqlAdapter | undefined {
  const db = payload.db as unknown as SqlAdapter
  return db.name === 'sqlite' || db.name === 'postgres' ? db : undefined
}

/** The database handle of `req`'s transaction (or the adapter's own when there is none). */
export async function sqlSession(adapter: SqlAdapter, req?: PayloadRequest): Promise<SqlDb> {
  const id = req ? await req.transactionID : undefined
  return (id !== undefined && adapter.sessions[String(id)]?.db) || adapter.drizzle
}
