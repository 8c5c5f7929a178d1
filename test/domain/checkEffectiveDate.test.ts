import { describe, expect, it } from 'vitest'

import { checkEffectiveDate, type EffectiveDateFacts } from '../../src/domain/checkEffectiveDate'

const publishedAt = new Date('2026-11-28T12:00:00Z')
const days = (n: number) => new Date(publishedAt.getTime() + n * 86_400_000)
const facts = (over: Partial<EffectiveDateFacts>): EffectiveDateFacts => ({
  changeClass: 'material',
  effectiveAt: days(30),
  publishedAt,
  noticePeriodDays: 30,
  actorIsAdmin: false,
  imported: false,
  ...over,
})

describe('checkEffectiveDate', () => {
  it('allows a material change exactly one notice period after publishing', () => {
    expect(checkEffectiveDate(facts({}))).toBeUndefined()
  })

  it('refuses a material change inside the notice period', () => {
    expect(checkEffectiveDate(facts({ effectiveAt: days(29) }))?.code).toBe('effective_date_too_early')
  })

  it('lets an admin publish early with a recorded reason', () => {
    expect(checkEffectiveDate(facts({ effectiveAt: days(1), actorIsAdmin: true, overrideReason: 'Regulator order 2026-17' }))).toBeUndefined()
  })

  it('refuses an override reason from an editor', () => {
    expect(checkEffectiveDate(facts({ effectiveAt: days(1), overrideReason: 'urgent' }))?.code).toBe('override_requires_admin')
  })

  it('treats a blank override reason as none', () => {
    expect(checkEffectiveDate(facts({ effectiveAt: days(1), actorIsAdmin: true, overrideReason: '   ' }))?.code).toBe('effective_date_too_early')
  })

  it('lets informational and editorial changes take effect at once', () => {
    expect(checkEffectiveDate(facts({ changeClass: 'informational', effectiveAt: publishedAt }))).toBeUndefined()
    expect(checkEffectiveDate(facts({ changeClass: 'editorial', effectiveAt: publishedAt }))).toBeUndefined()
  })

  it('refuses a retroactive effective date', () => {
    expect(checkEffectiveDate(facts({ changeClass: 'editorial', effectiveAt: days(-1) }))?.code).toBe('effective_date_before_publish')
  })

  it('refuses a date before an already published version, even for an admin or an import', () => {
    const latestPublishedEffectiveAt = days(60)
    for (const over of [{}, { actorIsAdmin: true, overrideReason: 'x' }, { imported: true }]) {
      expect(checkEffectiveDate(facts({ latestPublishedEffectiveAt, effectiveAt: days(45), ...over }))?.code).toBe('effective_date_before_later_version')
    }
  })

  it('keeps the recorded dates of imported history', () => {
    expect(checkEffectiveDate(facts({ imported: true, effectiveAt: new Date('2020-02-10T00:00:00Z') }))).toBeUndefined()
  })
})
