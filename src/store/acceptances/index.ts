import { nativeSqlite, postgresPool } from '../../db/leanQuery'
import { oncePerPayload } from '../oncePerPayload'
import type { AcceptancesStore } from './AcceptancesStore'
import { payloadAcceptances } from './payloadAcceptances'
import { postgresAcceptances } from './postgresAcceptances'
import { sqliteFileAcceptances } from './sqliteFileAcceptances'

export type { AcceptanceRef, AcceptanceRow, AcceptancesStore, Idempotency, IdempotencyRecord, StoredAcceptance } from './AcceptancesStore'

/**
 * The acceptances of `payload`'s database, chosen once: a SQLite file through Assent's own
 * connection, PostgreSQL through Payload's pool (both with grouped writes), anything else through
 * Payload's Local API.
 */
export const acceptancesStore = oncePerPayload((payload): AcceptancesStore => {
  const native = nativeSqlite(payload)
  const pool = native ? undefined : postgresPool(payload)
  return native ? sqliteFileAcceptances(payload, native) : pool ? postgresAcceptances(payload, pool) : payloadAcceptances(payload)
})
