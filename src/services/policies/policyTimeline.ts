import type { Payload } from 'payload'

import { upcomingVersions } from '../../domain/upcomingVersions'
import { versionInForce } from '../../domain/versionInForce'
import type { Policy } from '../../payload-types'
import { findPolicyBySlug } from './findPolicyBySlug'
import { publishedVersions, type PublishedVersion } from '../legalCenter/publishedVersions'

/** Where a policy stands at a moment: the version in force, those published that will take effect
 * later (soonest first; a version superseded before its date never is one), and its whole
 * published history (oldest first). */
export interface PolicyTimeline {
  policy: Policy
  inForce?: PublishedVersion
  upcoming: PublishedVersion[]
  history: PublishedVersion[]
}

export async function policyTimeline(payload: Payload, slug: string, at: Date): Promise<PolicyTimeline> {
  const policy = await findPolicyBySlug(payload, slug)
  const history = await publishedVersions(payload, policy.id)
  return { policy, inForce: versionInForce(history, at), upcoming: upcomingVersions(history, at), history }
}
