import type { PublishedVersionRef } from './publishedVersion'
import { supersededBeforeEffect } from './supersededBeforeEffect'
import { versionInForce } from './versionInForce'

/**
 * Where a published version stands at a moment: in force, still to come, replaced after it was in
 * force (`superseded`), or replaced by a later publication before its date came, so never in
 * force (`superseded-before-effect`).
 */
export type VersionStatus = 'in-force' | 'upcoming' | 'superseded' | 'superseded-before-effect'

/** Whether a published version is the one in force at `at`, still to come, or replaced (and when). */
export function versionStatus(history: readonly PublishedVersionRef[], version: PublishedVersionRef, at: Date): VersionStatus {
  if (supersededBeforeEffect(history, version)) return 'superseded-before-effect'
  if (version.effectiveAt.getTime() > at.getTime()) return 'upcoming'
  return versionInForce(history, at)?.version === version.version ? 'in-force' : 'superseded'
}
