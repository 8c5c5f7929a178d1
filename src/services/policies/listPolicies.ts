import { upcomingVersions } from '../../domain/upcomingVersions'
import { versionInForce } from '../../domain/versionInForce'
import type { Policy } from '../../payload-types'
import type { PublicReads } from '../legalCenter/publicReads'
import type { PublishedVersion } from '../legalCenter/publishedVersions'

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
export async function listPolicies(reads: PublicReads, at: Date): Promise<PolicyListing[]> {
  return (await reads.policies()).map(({ policy, history }) => ({ policy, inForce: versionInForce(history, at), upcoming: upcomingVersions(history, at), history }))
}
