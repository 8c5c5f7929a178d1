import type { PublishedVersionRef } from './publishedVersion'

/** Why a version cannot be accepted now, if it cannot. */
export interface AcceptanceRefusal {
  code: 'stale_content_hash' | 'version_superseded'
  message: string
}

/**
 * A subject may accept a version only as it was shown (the content hash of its text or of one of
 * its frozen translations) and only while it is in
 * force or still to come: a version replaced by a later one already in force (or taking effect at
 * the same moment) would never bind anyone.
 */
export function acceptanceRefusal(
  version: PublishedVersionRef & { contentHash: string; translations?: ReadonlyArray<{ contentHash: string }> },
  shownHash: string,
  history: readonly PublishedVersionRef[],
  now: Date,
): AcceptanceRefusal | undefined {
  if (shownHash !== version.contentHash && !version.translations?.some((t) => t.contentHash === shownHash)) {
    return { code: 'stale_content_hash', message: `The text shown (hash ${shownHash.slice(0, 12)}…) is not version ${version.version} (hash ${version.contentHash.slice(0, 12)}…); show the current text and ask again.` }
  }
  const horizon = Math.max(now.getTime(), version.effectiveAt.getTime())
  const replacement = history.find((v) => v.version > version.version && v.effectiveAt.getTime() <= horizon)
  if (replacement) {
    return { code: 'version_superseded', message: `Version ${version.version} has been replaced by version ${replacement.version}; accept that one instead.` }
  }
  return undefined
}
