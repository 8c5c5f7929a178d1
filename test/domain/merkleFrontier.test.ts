import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { EMPTY_ROOT, leafHash, nodeHash, rootOf, type Hash } from '../../src/domain/merkle'
import { MerkleFrontier } from '../../src/domain/merkleFrontier'

/** MTH(D[n]) as RFC 9162 §2.1.1 defines it, recursively: the reference the frontier must match. */
function mth(d: readonly Hash[]): Hash {
  if (d.length === 0) return EMPTY_ROOT
  if (d.length === 1) return d[0]
  const k = 2 ** Math.floor(Math.log2(d.length - 1))
  return nodeHash(mth(d.slice(0, k)), mth(d.slice(k)))
}
const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`entry ${i}`)))

describe('the Merkle frontier', () => {
  it('gives the RFC 9162 root of every tree of 0 to 130 leaves, one subtree root per bit of its size', () => {
    const all = leaves(130)
    const frontier = MerkleFrontier.empty()
    for (let n = 0; n <= 130; n++) {
      expect(frontier.size).toBe(n)
      expect((frontier.root() ?? EMPTY_ROOT).equals(mth(all.slice(0, n))), `size ${n}`).toBe(true)
      expect(frontier.roots()).toHaveLength(n.toString(2).replace(/0/g, '').length)
      if (n < 130) frontier.push(all[n])
    }
    expect(rootOf(all).equals(mth(all))).toBe(true)
  })

  it('names every perfect subtree a push completes, once, with its root and first leaf', () => {
    const all = leaves(70)
    const told: Array<[number, number]> = []
    const frontier = MerkleFrontier.empty()
    for (const leaf of all) {
      frontier.push(leaf, (hash, size, start) => {
        expect(hash.equals(mth(all.slice(start, start + size))), `subtree of ${size} at ${start}`).toBe(true)
        told.push([size, start])
      })
    }
    // 35 + 17 + 8 + 4 + 2 + 1 perfect subtrees of 2, 4, 8, 16, 32 and 64 leaves in 70 leaves.
    expect(told).toHaveLength(67)
    expect(new Set(told.map(([size, start]) => `${size}:${start}`)).size).toBe(67)
    expect(told.filter(([size]) => size === 64)).toEqual([[64, 0]])
  })

  it('resumed from its stored roots, extends a tree as if it had never stopped', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (a, b) => {
      const [stored, added] = [Math.min(a, b), Math.max(a, b)]
      const all = leaves(added)
      const first = MerkleFrontier.empty()
      for (const leaf of all.slice(0, stored)) first.push(leaf)
      const resumed = MerkleFrontier.of(stored, first.roots())
      for (const leaf of all.slice(stored)) resumed.push(leaf)
      expect(resumed.size).toBe(added)
      expect((resumed.root() ?? EMPTY_ROOT).equals(mth(all))).toBe(true)
    }), { numRuns: 200 })
  })

  it('refuses roots that cannot make a tree of the size given', () => {
    const three = MerkleFrontier.empty()
    for (const leaf of leaves(3)) three.push(leaf)
    expect(() => MerkleFrontier.of(4, three.roots())).toThrow(RangeError)
    expect(() => MerkleFrontier.of(3, three.roots().slice(1))).toThrow(RangeError)
    expect(() => MerkleFrontier.of(3, [three.roots()[0], Buffer.alloc(31)])).toThrow(RangeError)
    expect(() => MerkleFrontier.of(-1, [])).toThrow(RangeError)
    expect(MerkleFrontier.of(3, three.roots()).root()!.equals(three.root()!)).toBe(true)
    expect(MerkleFrontier.of(0, []).root()).toBeUndefined()
  })
})
