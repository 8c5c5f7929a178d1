import type { Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { sqlRows } from '../../db/payloadQuery'
import { sqlAdapter } from '../../db/sqlSession'
import { findPolicyBySlug } from '../findPolicyBySlug'
import { noticeCounts, type NoticeCounts } from '../notices/noticeCounts'

const METHODS = ['clickwrap', 'continued-use', 'api', 'import'] as const

/** How far one version has been accepted, and how its notices stand. */
export interface VersionCoverage {
  policy: string
  version: number
  changeClass: string
  effectiveAt: string
  /** Every subject Assent knows (erased ones included: their evidence stays). */
  subjects: number
  accepted: Record<(typeof METHODS)[number], number> & { total: number }
  /** Subjects who did not accept this version but accepted a later one of the same policy. */
  acceptedLater: number
  /** Subjects who accepted neither this version nor a later one. */
  pending: number
  notices: NoticeCounts
}

/**
 * Coverage of every published version of a policy (or of one version): subjects, acceptances by
 * method, subjects who moved on to a later version, subjects still pending, notices by state.
 */
export async function versionCoverage(payload: Payload, slug: string, only?: number): Promise<VersionCoverage[]> {
  const policy = await findPolicyBySlug(payload, slug)
  const { docs: versions } = await payload.find({
    collection: 'policy-versions',
    where: { and: [{ policy: { equals: policy.id } }, { _status: { equals: 'published' } }, ...(only ? [{ version: { equals: only } }] : [])] },
    sort: 'version',
    pagination: false,
    depth: 0,
    select: { version: true, changeClass: true, effectiveAt: true },
  })
  const subjects = (await payload.count({ collection: 'subjects' })).totalDocs
  return Promise.all(
    versions.map(async (v) => {
      const byMethod = await Promise.all(
        METHODS.map(async (method) => (await payload.count({ collection: 'acceptances', where: { and: [{ version: { equals: v.id } }, { method: { equals: method } }] } })).totalDocs),
      )
      const accepted = { ...(Object.fromEntries(METHODS.map((m, i) => [m, byMethod[i]])) as Record<(typeof METHODS)[number], number>), total: byMethod.reduce((a, b) => a + b, 0) }
      const acceptedLater = await countAcceptedLater(payload, policy.id, v.id, v.version!)
      return {
        policy: policy.slug,
        version: v.version!,
        changeClass: v.changeClass,
        effectiveAt: v.effectiveAt!,
        subjects,
        accepted,
        acceptedLater,
        pending: subjects - accepted.total - acceptedLater,
        notices: await noticeCounts(payload, v.id),
      }
    }),
  )
}

async function countAcceptedLater(payload: Payload, policyId: number, versionId: number | string, version: number): Promise<number> {
  const adapter = sqlAdapter(payload)
  if (adapter) {
    const rows = await sqlRows(adapter, sql`select count(distinct a.subject_id) as n from acceptances a
      where a.policy_id = ${policyId} and a.version_number > ${version}
      and not exists (select 1 from acceptances b where b.subject_id = a.subject_id and b.version_id = ${versionId})`)
    return Number(rows[0]?.n ?? 0)
  }
  const subjectsOf = async (where: object) =>
    new Set((await payload.find({ collection: 'acceptances', where: where as never, select: { subject: true }, pagination: false, depth: 0 })).docs.map((d) => String(d.subject)))
  const [later, here] = await Promise.all([
    subjectsOf({ and: [{ policy: { equals: policyId } }, { versionNumber: { greater_than: version } }] }),
    subjectsOf({ version: { equals: versionId } }),
  ])
  return [...later].filter((s) => !here.has(s)).length
}
