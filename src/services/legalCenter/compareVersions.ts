import type { Payload } from 'payload'

import { withoutRepeatedTitle } from '../../domain/withoutRepeatedTitle'
import { AssentError } from '../../errors/AssentError'
import type { Policy } from '../../payload-types'
import { findVersion, type FrozenVersion } from './findVersion'
import type { Redlines } from '../redline/redlines'
import type { RedlineView, RenderedRedline } from '../redline/renderRedline'

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
  // The pages' redline compares what the pages show, their frozen HTML; the JSON one, the texts.
  const withHtml = view !== 'diff'
  const [a, b] = await Promise.all([findVersion(payload, slug, from, withHtml), findVersion(payload, slug, to, withHtml)])
  const shown = ({ text, html }: FrozenVersion) => ({ text: text ?? '', html: html ? withoutRepeatedTitle(html, a.policy.title) : undefined })
  return { policy: a.policy, from: a.version, to: b.version, redline: await redlines.render(shown(a.version), shown(b.version), view) }
}
