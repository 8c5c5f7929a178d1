import type { Payload } from 'payload'

import { autovacuumWarningOf } from '../../db/autovacuumWarning'
import { postgresPool } from '../../db/leanQuery'

/** What the operator should hear about how the database is run, if anything: today, a PostgreSQL
 * server with autovacuum off. */
export const databaseWarning = async (payload: Payload): Promise<string | undefined> => {
  const pool = postgresPool(payload)
  return pool ? autovacuumWarningOf(pool) : undefined
}
