import { leanQuery } from '../../db/leanQuery'
import { sqlAdapter } from '../../db/sqlSession'
import { oncePerPayload } from '../oncePerPayload'
import type { ApiKeysStore } from './ApiKeysStore'
import { mongoApiKeys } from './mongoApiKeys'
import { sqlApiKeys } from './sqlApiKeys'

export type { ApiKeysStore, StoredApiKey } from './ApiKeysStore'

/** The API keys of `payload`'s database, chosen once: SQL databases read them with plain SQL,
 * MongoDB through Payload. */
export const apiKeysStore = oncePerPayload((payload): ApiKeysStore => {
  const query = leanQuery(payload)
  const adapter = sqlAdapter(payload)
  return query && adapter ? sqlApiKeys(query, adapter.name) : mongoApiKeys(payload)
})
