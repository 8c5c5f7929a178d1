import type { ChangeClass } from './changeClass'

/** An upcoming version as the publish dialog knows it. */
export interface UpcomingVersionFacts {
  version: number
  changeClass: ChangeClass
  effectiveAt: Date
}

const longDay = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

/**
 * The warnings the publish dialog shows before a new version is dated on or before an upcoming
 * one's date: each upcoming version it would supersede before that version took effect (see
 * `supersededBeforeEffect`), soonest first. `effectiveAt` undefined means on publishing, `now`.
 */
export function supersessionWarnings(upcoming: readonly UpcomingVersionFacts[], effectiveAt: Date | undefined, now: Date): string[] {
  const from = (effectiveAt ?? now).getTime()
  return upcoming
    .filter((v) => v.effectiveAt.getTime() > now.getTime() && v.effectiveAt.getTime() >= from)
    .sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.version - b.version)
    .map((v) => `Version ${v.version} (${v.changeClass}, takes effect ${longDay.format(v.effectiveAt)}) will never take effect: this version replaces it first.`)
}
