import { getPayload, type Payload, type SanitizedConfig } from 'payload'

import { checkDatabase } from '../../db/checkDatabase'
import { hearCutConnections } from '../../db/hearCutConnections'
import { locksOnlyForEditors } from '../../db/locksOnlyForEditors'
import { startNativeMemoryGuard } from '../../db/nativeMemoryGuard'
import { runMigrations } from '../../db/runMigrations'
import { separateStatementPool } from '../../db/statementPool'
import { takeTurnsOnSqlite } from '../../db/sqliteTurns'

/**
 * Opens the database of `databaseUrl` for Payload, the one place the database is chosen: checks it
 * is reachable, connects, makes SQLite writers take turns, gives PostgreSQL's single statements a
 * pool apart from its transactions (statementPool.ts) and lets both outlive connections the server
 * cuts (hearCutConnections.ts), applies the committed migrations and
 * keeps document locks to editors, and keeps the process's memory near what it holds
 * (nativeMemoryGuard.ts). Every store is picked from the adapter opened here.
 */
export async function openDatabase(databaseUrl: string, loadConfig: () => Promise<SanitizedConfig>): Promise<Payload> {
  // Before loading the config (seconds of imports): a database that cannot be reached stops at once.
  await checkDatabase(databaseUrl)
  const payload = await getPayload({ config: await loadConfig() })
  await takeTurnsOnSqlite(payload)
  separateStatementPool(payload)
  hearCutConnections(payload)
  await runMigrations(payload, databaseUrl)
  locksOnlyForEditors(payload)
  startNativeMemoryGuard()
  return payload
}
