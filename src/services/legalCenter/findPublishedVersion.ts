import { AssentError } from '../../errors/AssentError'
import type { Policy } from '../../payload-types'
import type { PublicReads } from './publicReads'
import type { PublishedVersion } from './publishedVersions'

/** Published version `number` of policy `slug`, with the policy's whole history, or a 404. */
export async function findPublishedVersion(reads: PublicReads, slug: string, number: number): Promise<{ policy: Policy; version: PublishedVersion; history: PublishedVersion[] }> {
  const { policy, history } = await reads.policy(slug)
  const version = history.find((v) => v.version === number)
  if (!version) throw new AssentError('version_not_found', `${policy.title} has no published version ${number}.`)
  return { policy, version, history }
}
