import type { Payload } from 'payload'

import { AssentError } from '../errors/AssentError'
import type { Policy } from '../payload-types'
import { findVersion, type FrozenVersion } from './findVersion'
import type { Redlines } from './redline/redlines'
import type { RedlineView, RenderedRedline } from './redline/renderRedline'

/** Two published versions of a policy and the redline from one to the other, rendered. */
export interface Comparison {
  policy: Policy
  from: FrozenVersion
  to: FrozenVersion
  redline: RenderedRedline
}

/** The redline between versions `from` and `to` of a policy (any two, either order), in `view`,
 * computed by `redlines` (off the event loop in the server). */
export async function compareVersions(payload: Payload, redlines: Redlines, slug: string, from: number, to: number, view: RedlineView): Promise<Comparison> {
  if (from === to) throw new AssentError('bad_request', `Pick two different versions to compare (both are ${from}).`)
  const [a, b] = await Promise.all([findVersion(payload, slug, from, false), findVersion(payload, slug, to, false)])
  return { policy: a.policy, from: a.version, to: b.version, redline: await redlines.render(a.version.text ?? '', b.version.text ?? '', view) }
}
