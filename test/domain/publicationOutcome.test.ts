import { describe, expect, it } from 'vitest'

import { publicationOutcome } from '../../src/domain/publicationOutcome'

const base = { acceptanceMode: 'clickwrap' as const, nextVersion: 3, subjects: 1300, withEmail: 1234 }

describe('publicationOutcome', () => {
  it('says who is emailed, who sees the banner, what they must do and when it takes effect', () => {
    expect(publicationOutcome({ ...base, changeClass: 'material', effectiveAt: new Date('2027-01-01T00:00:00Z') })).toEqual([
      '1,234 subjects will be emailed; the banner shows from now to all 1,300 subjects at their next login.',
      'Everyone must accept version 3: until they do, the login flow asks them to.',
      'Takes effect 2027-01-01.',
      'Version 3 is frozen once published: its text can never change.',
    ])
  })

  it('tells continued-use policies that use after notice counts, and informational changes that no one accepts again', () => {
    expect(publicationOutcome({ ...base, acceptanceMode: 'continued-use', changeClass: 'material' })[1]).toBe('Continued use after the notice counts as acceptance of version 3 once it takes effect.')
    expect(publicationOutcome({ ...base, changeClass: 'informational' })).toContain('No one needs to accept it again.')
  })

  it('notifies no one for an editorial change, and takes effect on publishing without a date', () => {
    expect(publicationOutcome({ ...base, changeClass: 'editorial' }).slice(0, 2)).toEqual(['No one is notified: an editorial change is published without notice.', 'Takes effect on publishing.'])
  })

  it('speaks of one subject in the singular', () => {
    expect(publicationOutcome({ ...base, subjects: 1, withEmail: 1, changeClass: 'informational' })[0]).toBe('1 subject will be emailed; the banner shows from now to all 1 subject at their next login.')
  })
})
