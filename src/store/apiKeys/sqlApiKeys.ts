import type { RowQuery } from '../../db/directQuery'
import type { ApiKeysStore, StoredApiKey } from './ApiKeysStore'

const KEY_BY_HASH = 'select id, name, scope, revoked_at as "revokedAt" from api_keys where key_hash = ? limit 1'

/** SQLite and PostgreSQL: through the lean reader (`leanQuery`), prepared once. */
export const sqlApiKeys = (query: RowQuery): ApiKeysStore => ({
  keyByHash: async (keyHash) => {
    const [row] = await query(KEY_BY_HASH, [keyHash])
    return row as StoredApiKey | undefined
  },
})
