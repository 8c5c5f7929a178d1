import { describe, expect, it } from 'vitest'

import { longDate } from '../../src/domain/locale/longDate'

const formatted = (date: Date, locale: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)

describe('longDate', () => {
  it('writes the UTC day as the locale writes it', () => {
    expect(longDate('2026-12-29', 'en-GB')).toBe('29 December 2026')
    expect(longDate('2026-12-29', 'fr')).toBe('29 décembre 2026')
    expect(longDate(new Date('2026-12-29T23:59:59.999Z'), 'en-GB')).toBe('29 December 2026')
    expect(longDate(new Date('2026-12-30T00:00:00.000Z'), 'en-GB')).toBe('30 December 2026')
  })

  it('writes every day as the formatter does, asked once or again, at any hour, before 1970 too', () => {
    const locales = ['en-GB', 'en-US', 'de', 'ar-EG', 'ja']
    for (let i = 0; i < 400; i++) {
      const date = new Date(Date.UTC(1965, 0, 1) + i * 97.3 * 86_400_000 + (i % 24) * 3_600_000)
      for (const locale of locales) {
        expect(longDate(date, locale)).toBe(formatted(date, locale))
        expect(longDate(date.toISOString(), locale)).toBe(formatted(date, locale))
      }
    }
  })

  it('refuses an invalid date and a malformed locale as Intl does', () => {
    expect(() => longDate('not a date', 'en')).toThrow(RangeError)
    expect(() => longDate('2026-12-29', 'en_GB!')).toThrow(RangeError)
  })
})
