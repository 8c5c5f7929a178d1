import { payloadQuery } from '../../db/payloadQuery'
import { sqlAdapter } from '../../db/sqlSession'
import { oncePerPayload } from '../oncePerPayload'
import type { EvidenceStore } from './EvidenceStore'
import { mongoEvidence } from './mongoEvidence'
import { sqlEvidence } from './sqlEvidence'

export type { EvidenceStore } from './EvidenceStore'
export { JoinedPage, exportColumns, type ExportRow } from './exportRow'

/** The evidence reads of `payload`'s database, chosen once per Payload: SQL over Payload's own
 * connection on SQLite and PostgreSQL, the Local API on MongoDB. */
export const evidenceStore = oncePerPayload((payload): EvidenceStore => {
  const adapter = sqlAdapter(payload)
  return adapter ? sqlEvidence(payloadQuery(payload)!, adapter.name) : mongoEvidence(payload)
})
