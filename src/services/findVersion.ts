import type { Payload } from 'payload'

import { AssentError } from '../errors/AssentError'
import type { Policy, PolicyVersion } from '../payload-types'
import { findPolicyBySlug } from './findPolicyBySlug'

/** Published version `version` of the policy `slug`, with its frozen text, or a 404 refusal. */
export async function findVersion(payload: Payload, slug: string, version: number): Promise<{ policy: Policy; version: PolicyVersion }> {
  const policy = await findPolicyBySlug(payload, slug)
  const { docs } = await payload.find({
    collection: 'policy-versions',
    where: { and: [{ policy: { equals: policy.id } }, { version: { equals: version } }, { _status: { equals: 'published' } }] },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: false,
  })
  if (!docs[0]) throw new AssentError('version_not_found', `${policy.title} has no published version ${version}.`)
  return { policy, version: docs[0] }
}
