import type { Payload } from 'payload'

import { assentEnv } from './config/assentEnv'
import { closeDatabase } from './store/database/closeDatabase'
import { openDatabase } from './store/database/openDatabase'

/**
 * Starts Payload on the database of DATABASE_URL and brings it up to date (src/store/database).
 * Used by the server, the CLI and the tests alike.
 */
export async function startPayload(): Promise<Payload> {
  return openDatabase(assentEnv().databaseUrl, async () => (await import('./payload.config')).default)
}

/** Stops Payload and lets go of its database connections. */
export const stopPayload = (payload: Payload): Promise<void> => closeDatabase(payload)
