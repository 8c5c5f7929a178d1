import type { PublishedVersionRef } from './publishedVersion'

/**
 * The version that replaced `version` before it ever took effect, if any: the first one published
 * after it (lowest higher number) whose `effectiveAt` is on or before `version`'s. A later
 * publication is the editor's latest word, so from its effective date on it governs instead of
 * every earlier version, including one still waiting for its own date; a version so replaced is
 * never in force and never upcoming. On the same instant the later version wins, as in
 * `versionInForce`. Publishing refuses a date earlier than an already published version's
 * (`checkEffectiveDate`), so in practice this is a version published with the same date as an
 * upcoming one; earlier dates are still read by the same rule, whatever the data holds.
 */
export function supersededBeforeEffect<T extends PublishedVersionRef>(history: readonly T[], version: PublishedVersionRef): T | undefined {
  let replacement: T | undefined
  for (const other of history) {
    if (other.version <= version.version || other.effectiveAt.getTime() > version.effectiveAt.getTime()) continue
    if (!replacement || other.version < replacement.version) replacement = other
  }
  return replacement
}

/**
 * The published versions that take effect at some time (none replaced them before their date),
 * in effect order. Their effective dates rise strictly with their numbers.
 */
export function versionsThatTakeEffect<T extends PublishedVersionRef>(history: readonly T[]): T[] {
  const byNumberDescending = [...history].sort((a, b) => b.version - a.version)
  let earliestLater = Number.POSITIVE_INFINITY
  const kept: T[] = []
  for (const v of byNumberDescending) {
    const effective = v.effectiveAt.getTime()
    if (effective < earliestLater) kept.push(v)
    earliestLater = Math.min(earliestLater, effective)
  }
  return kept.reverse()
}
