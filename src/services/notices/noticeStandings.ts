import type { Payload, Where } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { sqlRows } from '../../db/payloadQuery'
import { sqlAdapter } from '../../db/sqlSession'
import type { NoticeStanding } from '../../domain/noticeChanges'
import type { ClaimedNotice } from './claimNotices'

/** The key of a subject's standing on a policy. */
export const standingKey = (subject: number | string, policy: number | string): string => `${subject}:${policy}`

/**
 * Where each subject of a batch stands on each policy the batch announces, read when the batch is
 * sent: the last version they accepted and the versions whose notice (email or banner) reached
 * them. One statement for the batch on SQL databases, so a worker sending thousands of notices
 * makes no query per notice.
 */
export async function noticeStandings(payload: Payload, notices: readonly ClaimedNotice[]): Promise<Map<string, NoticeStanding>> {
  const subjects = [...new Set(notices.map((n) => n.subject))]
  const policies = [...new Set(notices.map((n) => n.policy))]
  const standings = new Map<string, { lastAccepted: number | null; reached: number[] }>()
  const at = (subject: unknown, policy: unknown) => {
    const key = standingKey(String(subject), String(policy))
    let standing = standings.get(key)
    if (!standing) standings.set(key, (standing = { lastAccepted: null, reached: [] }))
    return standing
  }
  const adapter = sqlAdapter(payload)
  if (adapter) {
    const list = (ids: Array<number | string>) => sql.join(ids.map((id) => sql`${Number(id)}`), sql`, `)
    const rows = await sqlRows(adapter, sql`select 'accepted' as kind, subject_id as subject, policy_id as policy, max(version_number) as version from acceptances
        where subject_id in (${list(subjects)}) and policy_id in (${list(policies)}) group by subject_id, policy_id
      union all
      select distinct 'reached' as kind, subject_id as subject, policy_id as policy, version_number as version from notices
        where subject_id in (${list(subjects)}) and policy_id in (${list(policies)}) and reached_at is not null`)
    for (const row of rows) {
      const standing = at(row.subject, row.policy)
      if (row.kind === 'accepted') standing.lastAccepted = Number(row.version)
      else standing.reached.push(Number(row.version))
    }
    return standings
  }
  const where: { and: Where[] } = { and: [{ subject: { in: subjects } }, { policy: { in: policies } }] }
  const [accepted, reached] = await Promise.all([
    payload.find({ collection: 'acceptances', where, select: { subject: true, policy: true, versionNumber: true }, pagination: false, depth: 0 }),
    payload.find({ collection: 'notices', where: { and: [...where.and, { reachedAt: { exists: true } }] }, select: { subject: true, policy: true, versionNumber: true, reachedAt: true }, pagination: false, depth: 0 }),
  ])
  for (const a of accepted.docs) {
    const standing = at(a.subject, a.policy)
    standing.lastAccepted = Math.max(standing.lastAccepted ?? 0, a.versionNumber)
  }
  for (const n of reached.docs) if (n.reachedAt) at(n.subject, n.policy).reached.push(n.versionNumber)
  return standings
}
