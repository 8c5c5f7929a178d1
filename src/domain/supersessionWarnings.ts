import type { ChangeClass } from './changeClass'

/** An upcoming version as the publish checks know it. */
export interface UpcomingVersionFacts {
  version: number
  changeClass: ChangeClass
  effectiveAt: Date
}

const longDay = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

/**
 * The upcoming versions a new version taking effect at `effectiveAt` (undefined: on publishing,
 * `now`) would supersede before they took effect (see `supersededBeforeEffect`): those still to
 * come whose date is on or after it, soonest first.
 */
export function supersededByDate<T extends UpcomingVersionFacts>(upcoming: readonly T[], effectiveAt: Date | undefined, now: Date): T[] {
  const from = (effectiveAt ?? now).getTime()
  return upcoming
    .filter((v) => v.effectiveAt.getTime() > now.getTime() && v.effectiveAt.getTime() >= from)
    .sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.version - b.version)
}

/** What the publish dialog and a refused publication say of an upcoming version so superseded. */
export const supersessionWarning = (v: UpcomingVersionFacts): string =>
  `Version ${v.version} (${v.changeClass}, takes effect ${longDay.format(v.effectiveAt)}) will never take effect: this version replaces it first.`
