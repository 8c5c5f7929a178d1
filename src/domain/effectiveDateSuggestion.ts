import type { ChangeClass } from './changeClass'

const DAY_MS = 24 * 60 * 60 * 1000

/** What the earliest effective date of a new version depends on. */
export interface SuggestionFacts {
  changeClass: ChangeClass
  now: Date
  noticePeriodDays: number
  /** The latest `effectiveAt` among the policy's published versions, if any. */
  latestPublishedEffectiveAt?: Date
}

/** The first midnight UTC at or after `instant`. */
const midnightAtOrAfter = (instant: Date): Date => {
  const midnight = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate())
  return new Date(midnight === instant.getTime() ? midnight : midnight + DAY_MS)
}

/**
 * The effective date to suggest to an editor about to publish: the earliest midnight UTC the
 * rules of `checkEffectiveDate` allow, or `undefined` when the version may take effect at once
 * (on publishing). A material change waits out the notice period, counted from a moment after
 * `now` so that the seconds spent confirming never push the suggestion out of bounds; no version
 * takes effect before one already published.
 */
export function earliestEffectiveAt({ changeClass, now, noticePeriodDays, latestPublishedEffectiveAt }: SuggestionFacts): Date | undefined {
  const later = latestPublishedEffectiveAt && latestPublishedEffectiveAt > now ? latestPublishedEffectiveAt : undefined
  if (changeClass !== 'material') return later && midnightAtOrAfter(later)
  const afterNotice = new Date(now.getTime() + noticePeriodDays * DAY_MS + 1)
  return midnightAtOrAfter(later && later > afterNotice ? later : afterNotice)
}
