import type { PublicReads } from '../legalCenter/publicReads'
import { timelineAt, type PolicyTimeline } from './policyTimeline'

/** Every policy with its version in force and the ones coming, by title. */
export async function listPolicies(reads: PublicReads, at: Date): Promise<PolicyTimeline[]> {
  return (await reads.policies()).map((listed) => timelineAt(listed, at))
}
