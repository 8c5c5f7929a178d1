import type { PublishedVersionRef } from './publishedVersion'
import { versionInForce } from './versionInForce'

export type VersionStatus = 'in-force' | 'upcoming' | 'superseded'

/** Whether a published version is the one in force at `at`, still to come, or replaced. */
export function versionStatus(history: readonly PublishedVersionRef[], version: PublishedVersionRef, at: Date): VersionStatus {
  if (version.effectiveAt.getTime() > at.getTime()) return 'upcoming'
  return versionInForce(history, at)?.version === version.version ? 'in-force' : 'superseded'
}
