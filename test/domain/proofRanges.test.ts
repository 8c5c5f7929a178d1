import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { consistencyProof, inclusionProof, leafHash, rootOf, type Hash } from '../../src/domain/merkle'
import { consistencyRanges, inclusionRanges, rangeRoot, subtreesOf, type LeafRange } from '../../src/domain/proofRanges'

const leaves = Array.from({ length: 300 }, (_, i) => leafHash(createHash('sha256').update(String(i)).digest()))
/** A range's root computed only from perfect subtrees, as a server holding stored subtree roots does. */
const fromSubtrees = (range: LeafRange): Hash => rangeRoot(subtreesOf(range).map(({ level, start }) => rootOf(leaves.slice(start, start + 2 ** level))))

describe('proof ranges', () => {
  it('make every inclusion proof from perfect subtrees alone, in trees of 1 to 300 leaves', () => {
    for (const size of [1, 2, 3, 5, 8, 13, 64, 100, 255, 256, 257, 300]) {
      for (let index = 0; index < size; index += size > 64 ? 7 : 1) {
        const expected = inclusionProof(index, leaves.slice(0, size))
        expect(inclusionRanges(index, size).map(fromSubtrees)).toEqual(expected)
      }
    }
  })

  it('make every consistency proof from perfect subtrees alone', () => {
    for (const size2 of [2, 7, 8, 9, 100, 256, 300]) {
      for (let size1 = 1; size1 <= size2; size1 += size2 > 64 ? 11 : 1) {
        expect(consistencyRanges(size1, size2).map(fromSubtrees)).toEqual(consistencyProof(size1, leaves.slice(0, size2)))
      }
    }
  })

  it('split a range one subtree per bit of its length, largest first', () => {
    expect(subtreesOf([256, 300])).toEqual([
      { level: 5, start: 256 },
      { level: 3, start: 288 },
      { level: 2, start: 296 },
    ])
    expect(subtreesOf([0, 1])).toEqual([{ level: 0, start: 0 }])
  })

  it('refuse a range that does not split into aligned subtrees, and leaves outside the tree', () => {
    expect(() => subtreesOf([3, 7])).toThrow(/aligned/)
    expect(() => inclusionRanges(5, 5)).toThrow(RangeError)
    expect(() => inclusionRanges(-1, 5)).toThrow(RangeError)
    expect(() => consistencyRanges(6, 5)).toThrow(RangeError)
    expect(() => rangeRoot([])).toThrow(RangeError)
  })
})
