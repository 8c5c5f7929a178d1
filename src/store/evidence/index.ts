import { payloadQuery } from '../../db/payloadQuery'
import { sqlAdapter } from '../../db/sqlSession'
import { oncePerPayload } from '../oncePerPayload'
import type { Evidence } from './Evidence'
import { mongoEvidence } from './mongoEvidence'
import { sqlEvidence } from './sqlEvidence'

export type { Evidence } from './Evidence'
export { CsvChunk, exportColumns, type ExportRow } from './exportRow'

/** The evidence reads of `payload`'s database, chosen once per Payload: SQL over Payload's own
 * connection on SQLite and PostgreSQL, the Local API on MongoDB. */
export const evidenceStore = oncePerPayload((payload): Evidence => {
  const adapter = sqlAdapter(payload)
  return adapter ? sqlEvidence(payloadQuery(payload)!, adapter.name) : mongoEvidence(payload)
})
