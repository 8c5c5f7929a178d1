import type { Payload, TypedUser } from 'payload'

import { hasRole } from '../../access/roles'
import { AssentError } from '../../errors/AssentError'
import { findPolicyBySlug } from '../policies/findPolicyBySlug'
import { latestPublished } from './latestPublished'

/** The draft an editor lands on: new, or the one already open for the policy. */
export interface Revision {
  id: number | string
  created: boolean
  /** The published version the draft started from (null for a policy's first version). */
  basedOn: number | null
}

/**
 * "New revision": a draft of the next version of policy `slug`, starting from the newest
 * published text (the version in force, or the upcoming one when a later version is already
 * published) so that editors edit rather than retype. A policy has one open draft at a time:
 * when there is one, it is returned instead.
 */
export async function startRevision(payload: Payload, user: TypedUser, slug: string): Promise<Revision> {
  if (!hasRole(user, 'editor', 'admin')) throw new AssentError('forbidden', 'Only editors and admins draft revisions.')
  const policy = await findPolicyBySlug(payload, slug)
  const base = await latestPublished(payload, policy.id)
  const { docs: open } = await payload.find({
    collection: 'policy-versions',
    where: { and: [{ policy: { equals: policy.id } }, { publishedAt: { exists: false } }] },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
    depth: 0,
    user,
    overrideAccess: false,
  })
  if (open[0]) return { id: open[0].id, created: false, basedOn: base?.version ?? null }
  const draft = await payload.create({
    collection: 'policy-versions',
    data: { policy: policy.id, ...(base ? { body: base.body } : {}) } as never,
    draft: true,
    user,
    overrideAccess: false,
    depth: 0,
  })
  return { id: draft.id, created: true, basedOn: base?.version ?? null }
}
