import { inEffectOrder, type PublishedVersionRef } from './publishedVersion'

/**
 * The version in force at `at`: the published one with the latest `effectiveAt <= at`; when
 * several take effect at the same instant (real histories have several revisions on one day),
 * the higher version number wins. Undefined before the first version takes effect.
 */
export function versionInForce<T extends PublishedVersionRef>(
  versions: readonly T[],
  at: Date,
): T | undefined {
  const started = inEffectOrder(versions).filter((v) => v.effectiveAt.getTime() <= at.getTime())
  return started.at(-1)
}
