import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { acceptanceCovers } from '../../src/domain/acceptanceCovers'

describe('acceptanceCovers', () => {
  it('covers every version since the last one accepted', () => {
    expect(acceptanceCovers([1, 2, 3], [1], 3)).toEqual([2, 3])
    expect(acceptanceCovers([1, 2, 3, 4], [1, 2], 4)).toEqual([3, 4])
  })

  it('covers the accepted version alone for a first acceptance or an older version', () => {
    expect(acceptanceCovers([1, 2, 3], [], 3)).toEqual([3])
    expect(acceptanceCovers([1, 2, 3], [3], 2)).toEqual([2])
  })

  it('always ends with the accepted version and holds nothing at or before the last accepted one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.subarray([...Array(30).keys()].map((i) => i + 1)), (count, pick, accepted) => {
        const published = [...Array(count).keys()].map((i) => i + 1)
        const version = Math.min(pick, count)
        const covers = acceptanceCovers(published, accepted.filter((n) => n <= count), version)
        const since = Math.max(0, ...accepted.filter((n) => n <= count))
        expect(covers.at(-1)).toBe(version)
        expect(covers).toEqual([...covers].sort((a, b) => a - b))
        if (since > 0 && since < version) expect(covers).toEqual(published.filter((n) => n > since && n <= version))
        else expect(covers).toEqual([version])
      }),
    )
  })
})
