/** Formatters kept, one per kind and locale; a locale beyond these is served by a new one. */
const MAX_KEPT = 256
const kept = new Map<string, unknown>()

function once<T>(key: string, build: () => T): T {
  let format = kept.get(key) as T | undefined
  if (format === undefined) {
    format = build()
    if (kept.size < MAX_KEPT) kept.set(key, format)
  }
  return format
}

// Intl formatters are immutable and costly to build: a DateTimeFormat takes about 75 µs and holds
// native memory the garbage collector does not see (30,000 of them, one per date of a
// publication's notices, held 300 MB until a full collection). Each is built once per locale.

/** "29 December 2026" in `locale`, in UTC. Throws RangeError for a malformed locale, as Intl does. */
export const longDateFormat = (locale: string): Intl.DateTimeFormat =>
  once(`date ${locale}`, () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }))

/** Whole numbers in `locale`'s digits, without grouping ("1", "١"). */
export const plainNumberFormat = (locale: string): Intl.NumberFormat => once(`number ${locale}`, () => new Intl.NumberFormat(locale, { useGrouping: false }))

/** `locale`'s plural categories. */
export const pluralRules = (locale: string): Intl.PluralRules => once(`plural ${locale}`, () => new Intl.PluralRules(locale))

/** Language names written in `displayLocale`. */
export const languageNames = (displayLocale: string): Intl.DisplayNames => once(`names ${displayLocale}`, () => new Intl.DisplayNames([displayLocale], { type: 'language' }))
