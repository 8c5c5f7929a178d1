/** One day's count. */
export interface DayCount {
  day: string
  count: number
}

const DAY_MS = 86_400_000
const dayOf = (date: Date) => date.toISOString().slice(0, 10)

/**
 * A continuous series of days from `from` to `to` (UTC, both included) with the counts given and
 * zero on days without any, so a chart's time axis has no holes.
 */
export function dailySeries(counts: readonly DayCount[], from: Date, to: Date): DayCount[] {
  const byDay = new Map(counts.map((c) => [c.day, c.count]))
  const series: DayCount[] = []
  for (let t = Date.parse(dayOf(from)); t <= Date.parse(dayOf(to)); t += DAY_MS) {
    const day = dayOf(new Date(t))
    series.push({ day, count: byDay.get(day) ?? 0 })
  }
  return series
}

/** Running totals of a series. */
export const cumulative = (series: readonly DayCount[]): DayCount[] => {
  let total = 0
  return series.map(({ day, count }) => ({ day, count: (total += count) }))
}
