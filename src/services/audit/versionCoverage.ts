import type { Payload } from 'payload'

import { evidenceStore } from '../../store/evidence'
import { findPolicyBySlug } from '../policies/findPolicyBySlug'
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
      const acceptedLater = await evidenceStore(payload).acceptedLater(policy.id, v.id, v.version!)
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
