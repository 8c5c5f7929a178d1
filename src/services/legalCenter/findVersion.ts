import type { Payload } from 'payload'

import { AssentError } from '../../errors/AssentError'
import type { Policy } from '../../payload-types'
import { policiesStore, type FrozenVersion } from '../../store/policies'
import { findPolicyBySlug } from '../policies/findPolicyBySlug'

export type { FrozenVersion } from '../../store/policies'

/** Published version `version` of the policy `slug`, or a 404 refusal. `withHtml: false` leaves
 * out its HTML too (a redline needs the text only). */
export async function findVersion(payload: Payload, slug: string, version: number, withHtml = true): Promise<{ policy: Policy; version: FrozenVersion }> {
  const policy = await findPolicyBySlug(payload, slug)
  const found = await policiesStore(payload).publishedVersion(policy.id, version, withHtml)
  if (!found) throw new AssentError('version_not_found', `${policy.title} has no published version ${version}.`)
  return { policy, version: found }
}
