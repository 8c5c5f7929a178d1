import type pg from 'pg'
import type { Payload } from 'payload'

interface PostgresAdapter {
  name?: string
  pool?: pg.Pool
  pg?: { Pool: new (options: pg.PoolConfig) => pg.Pool }
  poolOptions?: pg.PoolConfig
}

const statementPools = new WeakMap<pg.Pool, pg.Pool>()

/**
 * On PostgreSQL, transactions and single statements draw from two pools. A Payload transaction holds
 * a connection and still runs a statement outside it (its check of the admin's document locks reads
 * without the transaction), so with one pool, as many transactions at once as the pool has
 * connections each waited for one more, forever: ten editors publishing at once stopped the server.
 * Transactions (`pool.connect()`, Payload's and `pgWriteTransaction`'s) keep Payload's pool; single
 * statements (`pool.query`, Payload's reads outside a transaction and `leanQuery`) run on a pool of
 * their own, which holds a connection for one statement only. A transaction may wait for a
 * statement; nothing waits for a transaction's connection while holding one.
 */
export function separateStatementPool(payload: Payload): void {
  const db = payload.db as unknown as PostgresAdapter
  const pool = db.pool
  if (db.name !== 'postgres' || !pool || !db.pg || statementPools.has(pool)) return
  const statements = new db.pg.Pool(db.poolOptions ?? {})
  statementPools.set(pool, statements)
  pool.query = statements.query.bind(statements) as pg.Pool['query']
}

/** The statement pool `separateStatementPool` gave `pool`, if any. */
export const statementPoolOf = (pool: pg.Pool): pg.Pool | undefined => statementPools.get(pool)
