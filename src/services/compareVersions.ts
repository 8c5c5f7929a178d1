import type { Payload } from 'payload'

import { redline, type Redline } from '../domain/redline'
import { AssentError } from '../errors/AssentError'
import type { Policy, PolicyVersion } from '../payload-types'
import { findVersion } from './findVersion'

/** Two published versions of a policy and the redline from one to the other. */
export interface Comparison {
  policy: Policy
  from: PolicyVersion
  to: PolicyVersion
  redline: Redline
}

/** The redline between versions `from` and `to` of a policy (any two, either order). */
export async function compareVersions(payload: Payload, slug: string, from: number, to: number): Promise<Comparison> {
  if (from === to) throw new AssentError('bad_request', `Pick two different versions to compare (both are ${from}).`)
  const [a, b] = await Promise.all([findVersion(payload, slug, from), findVersion(payload, slug, to)])
  return { policy: a.policy, from: a.version, to: b.version, redline: redline(a.version.text ?? '', b.version.text ?? '') }
}
