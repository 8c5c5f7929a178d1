import type { Payload } from 'payload'

import { supersededByDate, supersessionWarning } from '../../domain/supersessionWarnings'
import { upcomingVersions } from '../../domain/upcomingVersions'
import { AssentError } from '../../errors/AssentError'
import { publishedVersions } from '../legalCenter/publishedVersions'

/**
 * Refuses (409 `supersession_unconfirmed`) to publish a version of `policyId` taking effect at
 * `effectiveAt` (null: on publishing) that would supersede an upcoming version before it took
 * effect, unless the editor `confirmed` that very version by number: a dialog opened before
 * another editor published cannot replace a version no one was shown. A date before a published
 * version's is left to the effective-date rules, which refuse it.
 */
export async function refuseUnconfirmedSupersession(payload: Payload, policyId: number | string, effectiveAt: string | null | undefined, confirmed: readonly number[] = [], now = new Date()): Promise<void> {
  const history = await publishedVersions(payload, policyId)
  const effective = effectiveAt ? new Date(effectiveAt) : now
  if (history.some((v) => v.effectiveAt > effective)) return
  const unconfirmed = supersededByDate(upcomingVersions(history, now), effective, now).filter((v) => !confirmed.includes(v.version))
  if (unconfirmed.length === 0) return
  const numbers = unconfirmed.map((v) => v.version)
  throw new AssentError(
    'supersession_unconfirmed',
    `${unconfirmed.map(supersessionWarning).join(' ')} Choose a later date to keep ${numbers.length === 1 ? 'it' : 'them'}, or confirm with supersedes: [${numbers.join(', ')}].`,
    { fields: ['effectiveAt'] },
  )
}
