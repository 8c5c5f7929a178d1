import type { Payload } from 'payload'

import { AssentError } from '../../errors/AssentError'
import type { Policy } from '../../payload-types'

/** What a cached rendering of a policy's versions is keyed by: its id (a slug given to another
 * policy never serves this one's text), and its slug and title, which the pages show. */
export type PolicyKey = Pick<Policy, 'id' | 'slug' | 'title'>

/** The policy with this slug, or a `policy_not_found` refusal. Policies are public. */
export async function findPolicyBySlug(payload: Payload, slug: string): Promise<Policy> {
  return (await findPolicy(payload, slug)) as Policy
}

/** `findPolicyBySlug`, reading only its key: the one query a cached page costs. */
export async function findPolicyKey(payload: Payload, slug: string): Promise<PolicyKey> {
  return findPolicy(payload, slug, { slug: true, title: true })
}

async function findPolicy(payload: Payload, slug: string, select?: { slug: true; title: true }): Promise<PolicyKey> {
  const { docs } = await payload.find({
    collection: 'policies',
    where: { slug: { equals: slug } },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    ...(select ? { select } : {}),
  })
  if (!docs[0]) throw new AssentError('policy_not_found', `No policy "${slug}".`)
  return docs[0] as PolicyKey
}
