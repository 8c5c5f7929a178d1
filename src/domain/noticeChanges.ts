import { mustAcceptAgain, requiresNotice } from './changeClass'
import { owedVersion, type OwedCandidate } from './owedVersion'
import type { AcceptanceMode } from './versionRules'

/** Where a subject stands on a policy when a notice is rendered. */
export interface NoticeStanding {
  /** The highest version the subject has accepted or acknowledged; null when none. */
  lastAccepted: number | null
  /** The versions whose notice (email or banner) reached the subject. */
  reached: readonly number[]
}

/** What a notice of one version tells one subject. */
export interface NoticeChanges<V extends OwedCandidate> {
  /** The version the redline starts from: the last one the subject accepted; null when none. */
  since: number | null
  /** Every published version after `since` up to the announced one, oldest first; the announced
   * one alone when the subject accepted nothing (or already accepted it). */
  changes: V[]
  /** Whether any of `changes` asks for an explicit acceptance. */
  mustAccept: boolean
  /** Earlier versions among `changes` that send notices but whose notice never reached the
   * subject, ascending: the email says they are included. */
  missed: number[]
}

/**
 * What the notice of `announced` tells a subject at `at`: the owed change as `owedVersion` finds it
 * over the history up to the announced version, so a notice never speaks of a later version (that
 * one has its own notice). A subject who accepted nothing is told of the announced version alone.
 * `acceptanceMode` (the policy's) stands in for a version published before modes were frozen.
 */
export function noticeChanges<V extends OwedCandidate>(history: readonly V[], announced: V, standing: NoticeStanding, acceptanceMode: AcceptanceMode, at: Date): NoticeChanges<V> {
  const alone = { since: null, changes: [announced], mustAccept: mustAcceptAgain(announced.changeClass, announced.acceptanceMode ?? acceptanceMode), missed: [] }
  if (standing.lastAccepted === null) return alone
  const upTo = [...history.filter((v) => v.version < announced.version), announced]
  const owed = owedVersion(upTo, [standing.lastAccepted], acceptanceMode, at)
  if (!owed || owed.version.version !== announced.version) return alone
  const reached = new Set(standing.reached)
  const missed = owed.changes
    .filter((v) => v.version !== announced.version && requiresNotice(v.changeClass) && !reached.has(v.version))
    .map((v) => v.version)
  return { since: owed.since, changes: owed.changes, mustAccept: owed.action === 'accept', missed }
}
