import { nodeHash, type Hash } from './merkleHash'

/**
 * RFC 9162's proofs (§2.1.3.1, §2.1.4.1) as the leaf ranges whose roots they list, so a proof can
 * be built from stored subtree roots instead of every leaf. A range is [from, to) of leaf indexes.
 */
export type LeafRange = readonly [from: number, to: number]

/** A perfect subtree: the 2^level leaves from index `start`, a multiple of 2^level. */
export interface Subtree {
  level: number
  start: number
}

/** The largest power of two smaller than n (n > 1). */
const split = (n: number) => 2 ** Math.floor(Math.log2(n - 1))

/** The ranges of PATH(index, D[size]), in the proof's order. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size}`)
  const path = (m: number, from: number, to: number): LeafRange[] => {
    if (to - from <= 1) return []
    const k = split(to - from)
    return m < k ? [...path(m, from, from + k), [from + k, to]] : [...path(m - k, from + k, to), [from, from + k]]
  }
  return path(index, 0, size)
}

/** The ranges of PROOF(size1, D[size2]), in the proof's order. */
export function consistencyRanges(size1: number, size2: number): LeafRange[] {
  if (!Number.isSafeInteger(size1) || size1 < 0 || size1 > size2) throw new RangeError(`size ${size1} is not within a tree of ${size2}`)
  if (size1 === 0 || size1 === size2) return []
  const subproof = (m: number, from: number, to: number, complete: boolean): LeafRange[] => {
    if (m === to - from) return complete ? [] : [[from, to]]
    const k = split(to - from)
    return m <= k ? [...subproof(m, from, from + k, complete), [from + k, to]] : [...subproof(m - k, from + k, to, false), [from, from + k]]
  }
  return subproof(size1, 0, size2, true)
}

/**
 * The perfect subtrees whose roots make the root of `range`, largest (leftmost) first: one per bit
 * of its length, as RFC 9162's tree splits it. Every range of a proof starts on a multiple of its
 * largest subtree, so each of them is aligned; a range that is not throws.
 */
export function subtreesOf([from, to]: LeafRange): Subtree[] {
  const subtrees: Subtree[] = []
  for (let start = from, level = Math.floor(Math.log2(Math.max(to - from, 1))); start < to; level--) {
    if (to - start < 2 ** level) continue
    if (start % 2 ** level !== 0) throw new RangeError(`leaves [${from}, ${to}) do not split into aligned subtrees`)
    subtrees.push({ level, start })
    start += 2 ** level
  }
  return subtrees
}

/** The root of a range from its subtrees' roots (`subtreesOf`'s order), folded from the right. */
export function rangeRoot(roots: readonly Hash[]): Hash {
  if (roots.length === 0) throw new RangeError('an empty range has no subtree roots')
  let root = roots[roots.length - 1]
  for (let i = roots.length - 2; i >= 0; i--) root = nodeHash(roots[i], root)
  return root
}
