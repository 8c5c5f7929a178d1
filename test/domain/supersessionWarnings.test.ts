import { describe, expect, it } from 'vitest'

import { supersessionWarnings } from '../../src/domain/supersessionWarnings'

const now = new Date('2026-12-01T10:00:00Z')
const v2 = { version: 2, changeClass: 'material' as const, effectiveAt: new Date('2027-01-01T00:00:00Z') }
const v3 = { version: 3, changeClass: 'informational' as const, effectiveAt: new Date('2027-02-01T00:00:00Z') }

describe('supersessionWarnings', () => {
  it('names the upcoming version a new version dated the same day replaces', () => {
    expect(supersessionWarnings([v2], new Date('2027-01-01T00:00:00Z'), now)).toEqual([
      'Version 2 (material, takes effect 1 January 2027) will never take effect: this version replaces it first.',
    ])
  })

  it('names every upcoming version on or after the chosen date, soonest first', () => {
    expect(supersessionWarnings([v3, v2], new Date('2026-12-20T00:00:00Z'), now).map((w) => w.slice(0, 9))).toEqual(['Version 2', 'Version 3'])
    expect(supersessionWarnings([v2, v3], new Date('2027-01-15T00:00:00Z'), now).map((w) => w.slice(0, 9))).toEqual(['Version 3'])
  })

  it('warns of nothing for a date after every upcoming one', () => {
    expect(supersessionWarnings([v2, v3], new Date('2027-02-01T00:00:00.001Z'), now)).toEqual([])
  })

  it('reads no date as taking effect on publishing, before every upcoming version', () => {
    expect(supersessionWarnings([v2], undefined, now)).toHaveLength(1)
  })
})
