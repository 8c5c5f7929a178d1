import type { Payload } from 'payload'

import { AssentError } from '../../errors/AssentError'
import type { Policy } from '../../payload-types'

/** The policy with this slug, or a `policy_not_found` refusal. Policies are public. */
export async function findPolicyBySlug(payload: Payload, slug: string): Promise<Policy> {
  const { docs } = await payload.find({
    collection: 'policies',
    where: { slug: { equals: slug } },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: false,
  })
  if (!docs[0]) throw new AssentError('policy_not_found', `No policy "${slug}".`)
  return docs[0]
}
