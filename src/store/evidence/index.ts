import type { Payload } from 'payload'

import { payloadQuery } from '../../db/payloadQuery'
import { sqlAdapter } from '../../db/sqlSession'
import type { Evidence } from './Evidence'
import { mongoEvidence } from './mongoEvidence'
import { sqlEvidence } from './sqlEvidence'

export type { Evidence } from './Evidence'
export { CsvChunk, exportColumns, type ExportRow } from './exportRow'

const stores = new WeakMap<Payload, Evidence>()

/** The evidence reads of `payload`'s database, chosen once per Payload: SQL over Payload's own
 * connection on SQLite and PostgreSQL, the Local API on MongoDB. */
export function evidenceStore(payload: Payload): Evidence {
  let store = stores.get(payload)
  if (!store) {
    const adapter = sqlAdapter(payload)
    store = adapter ? sqlEvidence(payloadQuery(payload)!, adapter.name) : mongoEvidence(payload)
    stores.set(payload, store)
  }
  return store
}
