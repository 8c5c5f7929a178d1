import { leanQuery } from '../../db/leanQuery'
import { sqlAdapter } from '../../db/sqlSession'
import { oncePerPayload } from '../oncePerPayload'
import type { LedgerTreeStore } from './LedgerTreeStore'
import { mongoLedgerTree } from './mongoLedgerTree'
import { sqlLedgerTree } from './sqlLedgerTree'

export { subtreeKey, type LedgerTreeStore, type StoredEntry, type SubtreeRoot } from './LedgerTreeStore'

/** The ledger read by index and its kept subtree roots, chosen once: plain SQL on SQL
 * databases, Payload on MongoDB. */
export const ledgerTreeStore = oncePerPayload((payload): LedgerTreeStore => {
  const query = leanQuery(payload)
  const adapter = sqlAdapter(payload)
  return query && adapter ? sqlLedgerTree(query, adapter) : mongoLedgerTree(payload)
})
