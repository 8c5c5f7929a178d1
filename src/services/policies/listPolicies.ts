import type { Payload } from 'payload'

import { upcomingVersions } from '../../domain/upcomingVersions'
import { versionInForce } from '../../domain/versionInForce'
import type { Policy } from '../../payload-types'
import { publishedVersions, type PublishedVersion } from '../legalCenter/publishedVersions'

/** A policy as the Legal Center index lists it. */
export interface PolicyListing {
  policy: Policy
  inForce?: PublishedVersion
  /** The versions that will take effect later, soonest first (never one superseded before its date). */
  upcoming: PublishedVersion[]
  /** The policy's published versions, oldest first. */
  history: PublishedVersion[]
}

/** Every policy with its version in force and the ones coming, by title. */
export async function listPolicies(payload: Payload, at: Date): Promise<PolicyListing[]> {
  const { docs } = await payload.find({ collection: 'policies', sort: 'title', pagination: false, depth: 0, overrideAccess: false })
  return Promise.all(
    docs.map(async (policy) => {
      const history = await publishedVersions(payload, policy.id)
      return { policy, inForce: versionInForce(history, at), upcoming: upcomingVersions(history, at), history }
    }),
  )
}
