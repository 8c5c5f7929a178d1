import { MerkleFrontier } from './merkleFrontier'
import { EMPTY_ROOT, nodeHash, type Hash } from './merkleHash'
import { consistencyRanges, inclusionRanges } from './proofRanges'

/**
 * The Merkle tree of RFC 6962 / RFC 9162 §2.1 (the Certificate Transparency log tree), over
 * SHA-256: leaf hashes are SHA-256(0x00 ‖ data), interior nodes SHA-256(0x01 ‖ left ‖ right).
 * Everything here is pure: trees are given as their leaf hashes, oldest first.
 */
export type { Hash } from './merkleHash'
export { EMPTY_ROOT, leafHash, nodeHash } from './merkleHash'

/** MTH(D[n]): the root over leaf hashes, in one pass (the frontier of the whole tree). */
export function rootOf(leaves: readonly Hash[]): Hash {
  const frontier = MerkleFrontier.empty()
  for (const leaf of leaves) frontier.push(leaf)
  return frontier.root() ?? EMPTY_ROOT
}

/** PATH(m, D[n]): the inclusion proof of leaf `index` in the tree of `leaves`. */
export function inclusionProof(index: number, leaves: readonly Hash[]): Hash[] {
  return inclusionRanges(index, leaves.length).map(([from, to]) => rootOf(leaves.slice(from, to)))
}

/** PROOF(m, D[n]): the consistency proof between the first `size1` leaves and all of them. */
export function consistencyProof(size1: number, leaves: readonly Hash[]): Hash[] {
  return consistencyRanges(size1, leaves.length).map(([from, to]) => rootOf(leaves.slice(from, to)))
}

/**
 * One step of RFC 9162's verification walk (§2.1.3.2 and §2.1.4.2) from node `fn` in a tree whose
 * last node is `sn`: whether the proof's next hash joins on the left, and the two positions one
 * level up, for the step after.
 */
function climb(fn: number, sn: number): { left: boolean; fn: number; sn: number } {
  const left = fn % 2 === 1 || fn === sn
  if (left) {
    while (fn % 2 === 0 && fn !== 0) {
      fn = Math.floor(fn / 2)
      sn = Math.floor(sn / 2)
    }
  }
  return { left, fn: Math.floor(fn / 2), sn: Math.floor(sn / 2) }
}

/** RFC 9162 §2.1.3.2: whether `proof` shows leaf `index` with `leaf` hash in the tree with `root`. */
export function verifyInclusion(index: number, size: number, leaf: Hash, proof: readonly Hash[], root: Hash): boolean {
  if (index < 0 || index >= size || root.length !== 32 || leaf.length !== 32) return false
  let at = { fn: index, sn: size - 1 }
  let r = leaf
  for (const p of proof) {
    if (p.length !== 32 || at.sn === 0) return false
    const step = climb(at.fn, at.sn)
    r = step.left ? nodeHash(p, r) : nodeHash(r, p)
    at = step
  }
  return at.sn === 0 && r.equals(root)
}

/** RFC 9162 §2.1.4.2: whether `proof` shows the tree of `size2` extends the tree of `size1`. */
export function verifyConsistency(size1: number, size2: number, proof: readonly Hash[], root1: Hash, root2: Hash): boolean {
  if (size1 < 0 || size2 < size1) return false
  if (size1 === size2) return proof.length === 0 && root1.equals(root2)
  if (size1 === 0) return proof.length === 0
  if (proof.length === 0 || proof.some((p) => p.length !== 32)) return false
  const path = [...proof]
  if (Number.isInteger(Math.log2(size1))) path.unshift(root1)
  let at = { fn: size1 - 1, sn: size2 - 1 }
  while (at.fn % 2 === 1) at = { fn: Math.floor(at.fn / 2), sn: Math.floor(at.sn / 2) }
  let fr = path[0]
  let sr = path[0]
  for (const c of path.slice(1)) {
    if (at.sn === 0) return false
    const step = climb(at.fn, at.sn)
    if (step.left) {
      fr = nodeHash(c, fr)
      sr = nodeHash(c, sr)
    } else {
      sr = nodeHash(sr, c)
    }
    at = step
  }
  return at.sn === 0 && fr.equals(root1) && sr.equals(root2)
}
