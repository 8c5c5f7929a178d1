import type { PublishedVersionRef } from './publishedVersion'
import { versionsThatTakeEffect } from './supersededBeforeEffect'

/**
 * The version in force at `at`: among the versions that take effect at all (see
 * `supersededBeforeEffect`), the one with the latest `effectiveAt <= at`. Equivalently, the
 * highest-numbered published version whose date has come: when several take effect at the same
 * instant (real histories have several revisions on one day) the higher number wins, and a
 * version replaced before its date never is in force. Undefined before the first version takes
 * effect.
 */
export function versionInForce<T extends PublishedVersionRef>(
  versions: readonly T[],
  at: Date,
): T | undefined {
  const started = versionsThatTakeEffect(versions).filter((v) => v.effectiveAt.getTime() <= at.getTime())
  return started.at(-1)
}
