import { describe, expect, it } from 'vitest'

import { checkEffectiveDate } from '../../src/domain/checkEffectiveDate'
import { earliestEffectiveAt } from '../../src/domain/effectiveDateSuggestion'

const now = new Date('2026-11-28T10:15:00.000Z')

describe('earliestEffectiveAt', () => {
  it('suggests the first midnight after the notice period for a material change', () => {
    expect(earliestEffectiveAt({ changeClass: 'material', now, noticePeriodDays: 30 })?.toISOString()).toBe('2026-12-29T00:00:00.000Z')
  })

  it('moves a notice period ending exactly at midnight to the next midnight, so confirming seconds later still passes', () => {
    const atMidnight = new Date('2026-11-28T00:00:00.000Z')
    const suggested = earliestEffectiveAt({ changeClass: 'material', now: atMidnight, noticePeriodDays: 30 })!
    expect(suggested.toISOString()).toBe('2026-12-29T00:00:00.000Z')
    const publishedAt = new Date(atMidnight.getTime() + 90_000)
    expect(checkEffectiveDate({ changeClass: 'material', effectiveAt: suggested, publishedAt, noticePeriodDays: 30, actorIsAdmin: false, imported: false })).toBeUndefined()
  })

  it('lets editorial and informational changes take effect on publishing, unless a later version is already published', () => {
    expect(earliestEffectiveAt({ changeClass: 'editorial', now, noticePeriodDays: 30 })).toBeUndefined()
    expect(earliestEffectiveAt({ changeClass: 'informational', now, noticePeriodDays: 30, latestPublishedEffectiveAt: new Date('2020-01-01T00:00:00Z') })).toBeUndefined()
    const upcoming = new Date('2026-12-29T00:00:00.000Z')
    expect(earliestEffectiveAt({ changeClass: 'informational', now, noticePeriodDays: 30, latestPublishedEffectiveAt: upcoming })?.toISOString()).toBe('2026-12-29T00:00:00.000Z')
    expect(earliestEffectiveAt({ changeClass: 'editorial', now, noticePeriodDays: 30, latestPublishedEffectiveAt: new Date('2026-12-29T08:00:00Z') })?.toISOString()).toBe('2026-12-30T00:00:00.000Z')
  })

  it('never suggests a date before an already published version, even past the notice period', () => {
    const later = new Date('2027-03-01T00:00:00.000Z')
    expect(earliestEffectiveAt({ changeClass: 'material', now, noticePeriodDays: 30, latestPublishedEffectiveAt: later })?.toISOString()).toBe('2027-03-01T00:00:00.000Z')
  })

  it('with no notice period, suggests the next midnight for a material change', () => {
    expect(earliestEffectiveAt({ changeClass: 'material', now, noticePeriodDays: 0 })?.toISOString()).toBe('2026-11-29T00:00:00.000Z')
  })
})
