import { longDateFormat } from './intlFormats'

/** A day as readers of `locale` write it ("29 December 2026", "29 décembre 2026"), in UTC: the
 * day a version takes effect is the same everywhere. */
export function longDate(date: Date | string, locale: string): string {
  const day = typeof date === 'string' ? new Date(date.length === 10 ? `${date}T00:00:00Z` : date) : date
  return longDateFormat(locale).format(day)
}
