import { longDateFormat } from './intlFormats'

const DAY_MS = 86_400_000
/** Days written, per locale and UTC day: a publication's notices write the same few dates (each
 * version's effective day) tens of thousands of times, and formatting one takes several µs. */
const MAX_WRITTEN = 4096
const written = new Map<string, string>()

/** A day as readers of `locale` write it ("29 December 2026", "29 décembre 2026"), in UTC: the
 * day a version takes effect is the same everywhere. */
export function longDate(date: Date | string, locale: string): string {
  const day = typeof date === 'string' ? new Date(date.length === 10 ? `${date}T00:00:00Z` : date) : date
  const time = day.getTime()
  // An invalid date is not kept: the formatter throws for it, as before.
  if (Number.isNaN(time)) return longDateFormat(locale).format(day)
  const key = `${locale} ${Math.floor(time / DAY_MS)}`
  let text = written.get(key)
  if (text === undefined) {
    text = longDateFormat(locale).format(day)
    if (written.size >= MAX_WRITTEN) written.clear()
    written.set(key, text)
  }
  return text
}
