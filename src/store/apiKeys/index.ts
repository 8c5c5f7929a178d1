import { leanQuery } from '../../db/leanQuery'
import { oncePerPayload } from '../oncePerPayload'
import type { ApiKeyStore } from './ApiKeyStore'
import { mongoApiKeys } from './mongoApiKeys'
import { sqlApiKeys } from './sqlApiKeys'

export type { ApiKeyStore, StoredApiKey } from './ApiKeyStore'

/** The API keys of `payload`'s database, chosen once: SQL databases read them with plain SQL,
 * MongoDB through Payload. */
export const apiKeyStore = oncePerPayload((payload): ApiKeyStore => {
  const query = leanQuery(payload)
  return query ? sqlApiKeys(query) : mongoApiKeys(payload)
})
