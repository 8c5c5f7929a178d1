import type { Payload } from 'payload'

import { postgresPool } from './leanQuery'
import { statementPoolOf } from './statementPool'

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
  const transactions = postgresPool(payload)
  if (!transactions) return
  const warn = (error: Error) => payload.logger.warn(`A PostgreSQL connection was closed (${error.message}); it is replaced on next use.`)
  for (const pool of [transactions, statementPoolOf(transactions)]) {
    if (!pool) continue
    pool.on('error', warn)
    pool.on('connect', (client) => client.on('error', warn))
  }
}
