import { getPayload, type Payload } from 'payload'

import { readEnv } from './config/env'
import { checkDatabase } from './db/checkDatabase'
import { runMigrations } from './db/runMigrations'
import { locksOnlyForEditors } from './db/locksOnlyForEditors'
import { takeTurnsOnSqlite } from './db/sqliteTurns'

/**
 * Starts Payload on the database of DATABASE_URL: checks it is reachable, connects, and applies
 * the committed migrations. Used by the server, the CLI and the tests alike.
 */
export async function startPayload(): Promise<Payload> {
  const { databaseUrl } = readEnv()
  await checkDatabase(databaseUrl)
  const { default: config } = await import('./payload.config')
  const payload = await getPayload({ config })
  await takeTurnsOnSqlite(payload)
  await runMigrations(payload, databaseUrl)
  locksOnlyForEditors(payload)
  return payload
}
