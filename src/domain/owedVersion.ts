import { mustAcceptAgain, type ChangeClass } from './changeClass'
import type { PublishedVersionRef } from './publishedVersion'
import { upcomingVersions } from './upcomingVersions'
import { versionInForce } from './versionInForce'

/** A published version with what the owed rules need. */
export interface OwedCandidate extends PublishedVersionRef {
  changeClass: ChangeClass
}

/** What a subject still owes for one policy: to accept (clickwrap) or acknowledge a version. */
export interface Owed<V extends OwedCandidate> {
  action: 'accept' | 'acknowledge'
  version: V
  /** True when the version is published but not yet in force (it may be accepted early). */
  upcoming: boolean
}

/**
 * What a subject owes for a policy at `at`, given the versions they have accepted (any method).
 * Only the version in force and the upcoming ones matter; older ones were replaced. A subject who
 * accepted nothing owes the version in force. Otherwise the newest version after their last
 * acceptance is owed: `accept` when the policy is clickwrap and a material change lies between,
 * `acknowledge` for informational changes (and for material ones under continued use, where
 * acceptance follows notice and the effective date). Editorial changes owe nothing.
 */
export function owedVersion<V extends OwedCandidate>(
  versions: readonly V[],
  acceptedVersions: readonly number[],
  acceptanceMode: 'clickwrap' | 'continued-use',
  at: Date,
): Owed<V> | undefined {
  const inForce = versionInForce(versions, at)
  const upcoming = upcomingVersions(versions, at)
  const baseline = acceptedVersions.reduce((max, n) => Math.max(max, n), 0)
  const relevant = [...(inForce ? [inForce] : []), ...upcoming].filter((v) => v.version > baseline)
  if (relevant.length === 0) return undefined

  if (baseline === 0) {
    const version = inForce ?? upcoming[0]
    return { action: acceptanceMode === 'clickwrap' ? 'accept' : 'acknowledge', version, upcoming: version !== inForce }
  }
  const newest = relevant.reduce((a, b) => (b.version > a.version ? b : a))
  const changes = versions.filter((v) => v.version > baseline && v.version <= newest.version).map((v) => v.changeClass)
  const isUpcoming = newest !== inForce
  if (changes.some((c) => mustAcceptAgain(c, acceptanceMode))) return { action: 'accept', version: newest, upcoming: isUpcoming }
  if (changes.some((c) => c !== 'editorial')) return { action: 'acknowledge', version: newest, upcoming: isUpcoming }
  return undefined
}
