import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { deemedAcceptance, type NoticeFact } from '../../src/domain/deemedAcceptance'

const effectiveAt = new Date('2027-01-01T00:00:00Z')
const before = new Date('2026-12-01T00:00:00Z')
const after = new Date('2027-01-02T00:00:00Z')
const email = (status: string, at?: Date): NoticeFact => ({ id: `e-${status}`, channel: 'email', status, at })
const banner = (status: string, at?: Date): NoticeFact => ({ id: `b-${status}`, channel: 'banner', status, at })

describe('deemedAcceptance', () => {
  it('deems acceptance after the effective date when an email was accepted by SMTP before it', () => {
    expect(deemedAcceptance(effectiveAt, [email('accepted', before)], after)?.map((n) => n.id)).toEqual(['e-accepted'])
  })

  it('deems acceptance when a banner was displayed before the effective date', () => {
    expect(deemedAcceptance(effectiveAt, [banner('displayed', before)], after)).toHaveLength(1)
  })

  it('never deems acceptance before the effective date', () => {
    expect(deemedAcceptance(effectiveAt, [email('accepted', before)], before)).toBeUndefined()
  })

  it('never counts a notice given on or after the effective date', () => {
    expect(deemedAcceptance(effectiveAt, [email('accepted', effectiveAt), banner('displayed', after)], after)).toBeUndefined()
  })

  it('never counts dead, bounced, uncertain or pending mail', () => {
    const notices = ['dead', 'bounced', 'uncertain', 'pending', 'sending'].map((s) => email(s, before))
    expect(deemedAcceptance(effectiveAt, notices, after)).toBeUndefined()
  })

  it('holds over random timelines: deemed exactly when a delivered notice preceded the effective date and now is past it', () => {
    const instant = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2028-01-01T00:00:00Z'), noInvalidDate: true })
    const notice = fc.record({
      id: fc.nat(),
      channel: fc.constantFrom('email' as const, 'banner' as const),
      status: fc.constantFrom('pending', 'sending', 'accepted', 'uncertain', 'dead', 'bounced', 'displayed', 'dismissed'),
      at: fc.option(instant, { nil: undefined }),
    })
    fc.assert(
      fc.property(instant, fc.array(notice, { maxLength: 8 }), instant, (effective, notices, now) => {
        const result = deemedAcceptance(effective, notices, now)
        const delivered = notices.filter(
          (n) => n.at && n.at < effective && (n.channel === 'email' ? n.status === 'accepted' : ['displayed', 'dismissed'].includes(n.status)),
        )
        const expected = now >= effective && delivered.length > 0
        expect(result !== undefined).toBe(expected)
        for (const cited of result ?? []) {
          expect(cited.at!.getTime()).toBeLessThan(effective.getTime())
          expect(delivered).toContain(cited)
        }
      }),
      { numRuns: 2000 },
    )
  })
})
