import { describe, expect, it } from 'vitest'

import { supersededByDate, supersessionWarning } from '../../src/domain/supersessionWarnings'

const now = new Date('2026-12-01T10:00:00Z')
const v2 = { version: 2, changeClass: 'material' as const, effectiveAt: new Date('2027-01-01T00:00:00Z') }
const v3 = { version: 3, changeClass: 'informational' as const, effectiveAt: new Date('2027-02-01T00:00:00Z') }
const numbers = (vs: Array<{ version: number }>) => vs.map((v) => v.version)

describe('supersededByDate', () => {
  it('finds the upcoming version a new version dated the same day replaces', () => {
    expect(numbers(supersededByDate([v2], new Date('2027-01-01T00:00:00Z'), now))).toEqual([2])
  })

  it('finds every upcoming version on or after the chosen date, soonest first', () => {
    expect(numbers(supersededByDate([v3, v2], new Date('2026-12-20T00:00:00Z'), now))).toEqual([2, 3])
    expect(numbers(supersededByDate([v2, v3], new Date('2027-01-15T00:00:00Z'), now))).toEqual([3])
  })

  it('finds nothing for a date after every upcoming one, or once they have taken effect', () => {
    expect(supersededByDate([v2, v3], new Date('2027-02-01T00:00:00.001Z'), now)).toEqual([])
    expect(supersededByDate([v2], new Date('2027-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'))).toEqual([])
  })

  it('reads no date as taking effect on publishing, before every upcoming version', () => {
    expect(numbers(supersededByDate([v2], undefined, now))).toEqual([2])
  })
})

describe('supersessionWarning', () => {
  it('names the version, its class and its date, and says it will never take effect', () => {
    expect(supersessionWarning(v2)).toBe('Version 2 (material, takes effect 1 January 2027) will never take effect: this version replaces it first.')
  })
})
