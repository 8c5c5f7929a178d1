import type pg from 'pg'
import type { Payload } from 'payload'

import { statementPoolOf } from './statementPool'

interface PostgresAdapter {
  name?: string
  pool?: pg.Pool
}

/**
 * PostgreSQL ends connections on its own: a restart, a failover, an idle timeout, an
 * administrator's `pg_terminate_backend`. The driver tells of it with an 'error' event on the
 * connection's client and, for an idle one, on its pool; an event no one hears stops the process,
 * and the pool takes its own listener off a client while the client is lent out (a transaction
 * between two statements). So both pools and every client they open hear it, once told here:
 * a cut connection fails only the statement or transaction it was serving, which was never
 * committed, and the pool replaces it on next use.
 */
export function hearCutConnections(payload: Payload): void {
  const db = payload.db as unknown as PostgresAdapter
  if (db.name !== 'postgres' || !db.pool) return
  const warn = (error: Error) => payload.logger.warn(`A PostgreSQL connection was closed (${error.message}); it is replaced on next use.`)
  for (const pool of [db.pool, statementPoolOf(db.pool)]) {
    if (!pool) continue
    pool.on('error', warn)
    pool.on('connect', (client) => client.on('error', warn))
  }
}
