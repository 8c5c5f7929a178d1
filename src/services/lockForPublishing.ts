import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { PUBLISH_LOCK } from '../db/publishLock'
import { sqlAdapter, sqlSession } from '../db/sqlSession'
import { AssentError } from '../errors/AssentError'

/**
 * Publications of one policy take turns: inside the publishing transaction (`req`), waits for any
 * other publication of the policy to commit, then refuses if this version was published meanwhile.
 * Without it, requests racing on one draft would each number and announce it, and two drafts
 * published at once would both take the next number. (SQLite writers already take turns.)
 */
export async function lockForPublishing(req: PayloadRequest, policyId: number | string, versionId?: number | string): Promise<void> {
  const adapter = sqlAdapter(req.payload)
  if (adapter?.name === 'postgres') {
    if (!Number.isInteger(Number(policyId))) throw new AssentError('policy_not_found', `No policy with id ${String(policyId).slice(0, 40)}.`)
    const db = await sqlSession(adapter, req)
    await db.execute!(sql`select pg_advisory_xact_lock(${PUBLISH_LOCK}, ${Number(policyId)})`)
  }
  if (versionId === undefined) return
  const current = await req.payload.findByID({ collection: 'policy-versions', id: versionId, req, depth: 0, disableErrors: true, select: { version: true, publishedAt: true } })
  if (current?.publishedAt) {
    throw new AssentError('version_frozen', `Version ${current.version} was published meanwhile and is frozen; draft a new version instead.`)
  }
}
