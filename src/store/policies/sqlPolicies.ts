import type { Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import type { RowQuery } from '../../db/directQuery'
import { CATALOG_FINGERPRINT, catalogFingerprint } from './catalogFingerprint'
import { PUBLISH_LOCK } from './publishLock'
import { sqlSession, type SqlAdapter } from '../../db/sqlSession'
import { AssentError } from '../../errors/AssentError'
import type { PoliciesStore } from './PoliciesStore'
import { publishedReads } from './publishedReads'

const FINGERPRINT_READ = `select ${CATALOG_FINGERPRINT}`

/**
 * SQLite and PostgreSQL. On PostgreSQL publications of one policy queue on a transaction-scoped
 * advisory lock keyed by the policy's id, across requests and processes; SQLite lets one writer
 * at a time, so its publishing transactions already take turns.
 */
export const sqlPolicies = (payload: Payload, adapter: SqlAdapter, query: RowQuery): PoliciesStore => ({
  ...publishedReads(payload),
  catalogFingerprint: async () => catalogFingerprint((await query(FINGERPRINT_READ, []))[0]),
  lockForPublishing: async (req, policyId) => {
    if (adapter.name !== 'postgres') return
    if (!Number.isInteger(Number(policyId))) throw new AssentError('policy_not_found', `No policy with id ${String(policyId).slice(0, 40)}.`)
    const db = await sqlSession(adapter, req)
    await db.execute!(sql`select pg_advisory_xact_lock(${PUBLISH_LOCK}, ${Number(policyId)})`)
  },
})
