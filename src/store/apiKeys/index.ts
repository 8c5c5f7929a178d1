import type { Payload } from 'payload'

import { leanQuery } from '../../db/leanQuery'
import type { ApiKeyStore } from './ApiKeyStore'
import { mongoApiKeys } from './mongoApiKeys'
import { sqlApiKeys } from './sqlApiKeys'

export type { ApiKeyStore, StoredApiKey } from './ApiKeyStore'

const stores = new WeakMap<Payload, ApiKeyStore>()

/** The API keys of `payload`'s database, chosen once: SQL databases read them with plain SQL,
 * MongoDB through Payload. */
export function apiKeyStore(payload: Payload): ApiKeyStore {
  let store = stores.get(payload)
  if (!store) {
    const query = leanQuery(payload)
    store = query ? sqlApiKeys(query) : mongoApiKeys(payload)
    stores.set(payload, store)
  }
  return store
}
