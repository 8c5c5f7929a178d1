import type { Payload } from 'payload'

import { nativeSqlite, postgresPool } from '../../db/leanQuery'
import type { AcceptanceStore } from './AcceptanceStore'
import { payloadAcceptances } from './payloadAcceptances'
import { postgresAcceptances } from './postgresAcceptances'
import { sqliteFileAcceptances } from './sqliteFileAcceptances'

export type { AcceptanceRef, AcceptanceRow, AcceptanceStore, Idempotency, IdempotencyRecord, StoredAcceptance } from './AcceptanceStore'

const stores = new WeakMap<Payload, AcceptanceStore>()

/**
 * The acceptances of `payload`'s database, chosen once: a SQLite file through Assent's own
 * connection, PostgreSQL through Payload's pool (both with grouped writes), anything else through
 * Payload's Local API.
 */
export function acceptanceStore(payload: Payload): AcceptanceStore {
  let store = stores.get(payload)
  if (!store) {
    const native = nativeSqlite(payload)
    const pool = native ? undefined : postgresPool(payload)
    store = native ? sqliteFileAcceptances(payload, native) : pool ? postgresAcceptances(payload, pool) : payloadAcceptances(payload)
    stores.set(payload, store)
  }
  return store
}
