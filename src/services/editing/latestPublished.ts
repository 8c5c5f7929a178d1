import type { Payload } from 'payload'

import type { PolicyVersion } from '../../payload-types'
import { isPublished } from '../../store/policies'

/** The newest published version of a policy (optionally: before version `before`), or undefined. */
export async function latestPublished(payload: Payload, policyId: number | string, before?: number): Promise<PolicyVersion | undefined> {
  const { docs } = await payload.find({
    collection: 'policy-versions',
    where: { and: [{ policy: { equals: policyId } }, isPublished, ...(before ? [{ version: { less_than: before } }] : [])] },
    sort: '-version',
    limit: 1,
    pagination: false,
    depth: 0,
  })
  return docs[0]
}
