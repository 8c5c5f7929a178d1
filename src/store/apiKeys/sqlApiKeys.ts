import type { RowQuery } from '../../db/directQuery'
import { readBatches } from '../../db/readBatches'
import type { ApiKeysStore, StoredApiKey } from './ApiKeysStore'

const COLUMNS = 'k.id, k.name, k.scope, k.revoked_at as "revokedAt"'
const KEY_BY_HASH = `select ${COLUMNS} from api_keys k where k.key_hash = ? limit 1`
/** PostgreSQL: `KEY_BY_HASH` for many hashes (a JSON array of hex) in one statement, a row for
 * each at its place `ord` (from 1), its columns null where no key has the hash. */
const KEYS_BY_HASH = `select w.ord, ${COLUMNS} from json_array_elements_text(?::json) with ordinality as w(hash, ord)
  left join api_keys k on k.key_hash = w.hash`

/** A row's key, undefined where none has the hash. */
const storedKey = (row: Record<string, unknown> | undefined): StoredApiKey | undefined =>
  row && row.id !== null && row.id !== undefined ? ({ id: row.id, name: row.name, scope: row.scope, revokedAt: row.revokedAt } as StoredApiKey) : undefined

/**
 * SQLite and PostgreSQL: through the lean reader (`leanQuery`), prepared once. On PostgreSQL the
 * keys presented at once are read in one statement (`readBatches`), as status checks are: a
 * statement per request was a round trip, and the driver's work, per acceptance. Read at every
 * request all the same, so a revoked key is refused from the next one.
 */
export function sqlApiKeys(query: RowQuery, dialect: 'sqlite' | 'postgres'): ApiKeysStore {
  const alone = async (keyHash: string) => storedKey((await query(KEY_BY_HASH, [keyHash]))[0])
  if (dialect === 'sqlite') return { keyByHash: alone }
  const batched = readBatches<string, StoredApiKey | undefined>(async (hashes) => {
    const found: Array<StoredApiKey | undefined> = hashes.map(() => undefined)
    for (const row of await query(KEYS_BY_HASH, [JSON.stringify(hashes)])) found[Number(row.ord) - 1] = storedKey(row)
    return found
  }, alone)
  return { keyByHash: batched }
}
