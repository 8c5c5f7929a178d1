import type { PublishedVersionRef } from './publishedVersion'
import { versionsThatTakeEffect } from './supersededBeforeEffect'

/**
 * Published versions that will take effect after `at`, soonest first. The first one is "the
 * upcoming version" the public is told about. A version replaced before its date by a later
 * publication (see `supersededBeforeEffect`) is never announced.
 */
export function upcomingVersions<T extends PublishedVersionRef>(versions: readonly T[], at: Date): T[] {
  return versionsThatTakeEffect(versions).filter((v) => v.effectiveAt.getTime() > at.getTime())
}
