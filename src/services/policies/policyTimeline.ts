import { upcomingVersions } from '../../domain/upcomingVersions'
import { versionInForce } from '../../domain/versionInForce'
import type { Policy } from '../../payload-types'
import type { PublicReads } from '../legalCenter/publicReads'
import type { PublishedVersion } from '../legalCenter/publishedVersions'

/** Where a policy stands at a moment: the version in force, those published that will take effect
 * later (soonest first; a version superseded before its date never is one), and its whole
 * published history (oldest first). */
export interface PolicyTimeline {
  policy: Policy
  inForce?: PublishedVersion
  upcoming: PublishedVersion[]
  history: PublishedVersion[]
}

export async function policyTimeline(reads: PublicReads, slug: string, at: Date): Promise<PolicyTimeline> {
  const { policy, history } = await reads.policy(slug)
  return { policy, inForce: versionInForce(history, at), upcoming: upcomingVersions(history, at), history }
}
