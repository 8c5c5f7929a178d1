import { upcomingVersions } from '../../domain/upcomingVersions'
import { versionInForce } from '../../domain/versionInForce'
import type { Policy } from '../../payload-types'
import type { PolicyHistory, PublicReads } from '../legalCenter/publicReads'
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

/** The timeline of a policy whose history is read already, at `at`. */
export const timelineAt = ({ policy, history }: PolicyHistory, at: Date): PolicyTimeline => ({ policy, inForce: versionInForce(history, at), upcoming: upcomingVersions(history, at), history })

export async function policyTimeline(reads: PublicReads, slug: string, at: Date): Promise<PolicyTimeline> {
  return timelineAt(await reads.policy(slug), at)
}
