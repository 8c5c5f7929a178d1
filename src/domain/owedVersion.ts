import { mustAcceptAgain, type ChangeClass } from './changeClass'
import type { PublishedVersionRef } from './publishedVersion'
import { upcomingVersions } from './upcomingVersions'
import type { AcceptanceMode } from './versionRules'
import { versionInForce } from './versionInForce'

/** A published version with what the owed rules need. */
export interface OwedCandidate extends PublishedVersionRef {
  changeClass: ChangeClass
  /** The acceptance mode the version was published under (frozen with it); absent only for a
   * version published before modes were frozen, which follows the policy's. */
  acceptanceMode?: AcceptanceMode | null
}

/** What a subject still owes for one policy: to accept (clickwrap) or acknowledge a version. */
export interface Owed<V extends OwedCandidate> {
  action: 'accept' | 'acknowledge'
  version: V
  /** True when the version is published but not yet in force (it may be accepted early). */
  upcoming: boolean
  /** The last version the subject accepted or acknowledged; null when none. */
  since: number | null
  /** What the subject is told of: every published version after `since` up to the owed one,
   * oldest first (editorial ones too, and any that never took effect); only the owed one when
   * nothing was accepted. `action` is the strongest any of them requires. */
  changes: V[]
}

/**
 * What a subject owes for a policy at `at`, given the versions they have accepted (any method).
 * Only the version in force and the upcoming ones matter; older ones were replaced. A subject who
 * accepted nothing owes the version in force. Otherwise the newest version after their last
 * acceptance is owed, and every version since that acceptance is part of what they are told: `accept` when a material change published under clickwrap lies between,
 * `acknowledge` for informational changes (and for material ones under continued use, where
 * acceptance follows notice and the effective date). Editorial changes owe nothing. Each version
 * is judged by the mode it was published under; `acceptanceMode` (the policy's) only stands in
 * for a version that has none.
 */
export function owedVersion<V extends OwedCandidate>(
  versions: readonly V[],
  acceptedVersions: readonly number[],
  acceptanceMode: AcceptanceMode,
  at: Date,
): Owed<V> | undefined {
  const inForce = versionInForce(versions, at)
  const upcoming = upcomingVersions(versions, at)
  const baseline = acceptedVersions.reduce((max, n) => Math.max(max, n), 0)
  const relevant = [...(inForce ? [inForce] : []), ...upcoming].filter((v) => v.version > baseline)
  if (relevant.length === 0) return undefined

  const modeOf = (v: V): AcceptanceMode => v.acceptanceMode ?? acceptanceMode
  if (baseline === 0) {
    const version = inForce ?? upcoming[0]
    return { action: modeOf(version) === 'clickwrap' ? 'accept' : 'acknowledge', version, upcoming: version !== inForce, since: null, changes: [version] }
  }
  const newest = relevant.reduce((a, b) => (b.version > a.version ? b : a))
  const changes = versions.filter((v) => v.version > baseline && v.version <= newest.version).sort((a, b) => a.version - b.version)
  const owed = { version: newest, upcoming: newest !== inForce, since: baseline, changes }
  if (changes.some((v) => mustAcceptAgain(v.changeClass, modeOf(v)))) return { action: 'accept', ...owed }
  if (changes.some((v) => v.changeClass !== 'editorial')) return { action: 'acknowledge', ...owed }
  return undefined
}
