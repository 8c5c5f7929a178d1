/** A span of time, in milliseconds since the epoch: `from` included, `until` excluded. */
export interface Period {
  from: number
  until: number
}

/**
 * The span around `at` in which no version of `versions` takes effect: from the latest effective
 * date at or before `at` (or the beginning of time) until the first one after it (or the end of
 * time). Which versions are in force or upcoming (`versionInForce`, `upcomingVersions`) is the
 * same at every instant of it, so whatever follows from those alone may be reused within it.
 */
export function effectivePeriod(versions: ReadonlyArray<{ effectiveAt: Date }>, at: Date): Period {
  const now = at.getTime()
  let from = -Infinity
  let until = Infinity
  for (const { effectiveAt } of versions) {
    const t = effectiveAt.getTime()
    if (t <= now) from = Math.max(from, t)
    else until = Math.min(until, t)
  }
  return { from, until }
}

/** Whether `at` falls within `period`. */
export const within = (period: Period, at: Date): boolean => at.getTime() >= period.from && at.getTime() < period.until
