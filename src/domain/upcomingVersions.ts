import { inEffectOrder, type PublishedVersionRef } from './publishedVersion'

/**
 * Published versions that have not yet taken effect at `at`, soonest first. The first one is
 * "the upcoming version" the public is told about.
 */
export function upcomingVersions<T extends PublishedVersionRef>(versions: readonly T[], at: Date): T[] {
  return inEffectOrder(versions).filter((v) => v.effectiveAt.getTime() > at.getTime())
}
