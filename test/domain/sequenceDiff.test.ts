import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { sequenceDiff } from '../../src/domain/sequenceDiff'

describe('sequenceDiff', () => {
  it('gives runs in reading order, what was removed before what replaces it', () => {
    expect(sequenceDiff(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
      { op: 'equal', items: ['a'] },
      { op: 'delete', items: ['b'] },
      { op: 'insert', items: ['x'] },
      { op: 'equal', items: ['c'] },
      { op: 'insert', items: ['d'] },
    ])
    expect(sequenceDiff([], [])).toEqual([])
    expect(sequenceDiff(['a'], [])).toEqual([{ op: 'delete', items: ['a'] }])
  })

  it('rebuilds both sides and keeps a longest common subsequence, for any pair', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd')), fc.array(fc.constantFrom('a', 'b', 'c', 'd')), (a, b) => {
        const runs = sequenceDiff(a, b)
        expect(runs.filter((r) => r.op !== 'insert').flatMap((r) => r.items)).toEqual(a)
        expect(runs.filter((r) => r.op !== 'delete').flatMap((r) => r.items)).toEqual(b)
        // The edit is shortest: the common part is as long as a longest common subsequence.
        const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
        for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
        expect(runs.filter((r) => r.op === 'equal').reduce((n, r) => n + r.items.length, 0)).toBe(lcs[0][0])
      }),
      { numRuns: 500 },
    )
  })
})
