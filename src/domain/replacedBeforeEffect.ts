import type { PublishedVersionRef } from './publishedVersion'
import { supersededBeforeEffect, versionsThatTakeEffect } from './supersededBeforeEffect'

/**
 * The versions that `version` takes the place of although they never took effect: those published
 * since the version that takes effect before it and superseded before their date (see
 * `supersededBeforeEffect`), oldest first. People told of them are told, with `version`, that
 * they never take effect. Empty for a version that is itself superseded before effect.
 */
export function replacedBeforeEffect<T extends PublishedVersionRef>(history: readonly T[], version: PublishedVersionRef): T[] {
  const effective = versionsThatTakeEffect(history)
  const index = effective.findIndex((v) => v.version === version.version)
  if (index < 0) return []
  const after = effective[index - 1]?.version ?? 0
  return history
    .filter((v) => v.version > after && v.version < version.version && supersededBeforeEffect(history, v))
    .sort((a, b) => a.version - b.version)
}
