import type { Payload } from 'payload'

import type { Checkpoint } from '../../domain/checkpointSignature'
import { consistencyProof, inclusionProof, rootOf, verifyConsistency, verifyInclusion, type Hash } from '../../domain/merkle'
import { MerkleFrontier } from '../../domain/merkleFrontier'
import { consistencyRanges, inclusionRanges, rangeRoot, subtreesOf, type LeafRange, type Subtree } from '../../domain/proofRanges'
import { AssentError } from '../../errors/AssentError'
import { ledgerTreeStore, subtreeKey, type LedgerTreeStore, type SubtreeRoot } from '../../store/ledgerTree'

/** Subtrees of 2^KEPT_LEVEL leaves (16) and more have their roots kept; smaller ones are
 * computed from one block of that many leaf hashes. With blocks of 256, a block read 23 pages and a
 * proof took 1.7 to 2.1 times as long in a 1,000,000-entry ledger as in a 20,000-entry one, once
 * the ledger had outgrown PostgreSQL's buffers; a block of 16 reads about 5, for one kept root per
 * 8 entries. */
export const KEPT_LEVEL = 4
const BLOCK = 2 ** KEPT_LEVEL
/** Leaf hashes per read when a kept root is missing and is computed again. */
const PAGE = 5000

/** A frontier's `merged` listener collecting into `roots` the subtree roots worth keeping. */
export const keptRootsCollector =
  (roots: SubtreeRoot[]) =>
  (hash: Hash, size: number, start: number): void =>
    void (size >= BLOCK && roots.push({ level: Math.log2(size), start, hash }))

/**
 * Proofs over the first `checkpoint.treeSize` entries that read a few dozen rows whatever the
 * ledger's length: kept subtree roots for 16 leaves and more, one block of leaf hashes below.
 * Every proof is checked against the signed root before it is given; one that fails (a kept root
 * edited or lost) is built again from every leaf, and if that fails too the ledger no longer
 * matches its checkpoint.
 */
export function ledgerProver(payload: Payload, checkpoint: Checkpoint) {
  const store = ledgerTreeStore(payload)
  const size = checkpoint.treeSize
  const root = Buffer.from(checkpoint.rootHash, 'hex')
  const blocks = new Map<number, Promise<Hash[]>>()
  const block = (start: number) => {
    if (!blocks.has(start)) blocks.set(start, store.leafHashes(start, Math.min(start + BLOCK, size)))
    return blocks.get(start)!
  }
  const small = async ({ level, start }: Subtree) => {
    const from = start - (start % BLOCK)
    return rootOf((await block(from)).slice(start - from, start - from + 2 ** level))
  }

  async function roots(ranges: readonly LeafRange[]): Promise<Hash[]> {
    const parts = ranges.map(subtreesOf)
    const kept = await store.subtreeRoots(parts.flat().filter((s) => s.level >= KEPT_LEVEL))
    const rootOfSubtree = async (s: Subtree) => (s.level < KEPT_LEVEL ? small(s) : (kept.get(subtreeKey(s)) ?? computeAndKeep(store, s)))
    return Promise.all(parts.map(async (subtrees) => rangeRoot(await Promise.all(subtrees.map(rootOfSubtree)))))
  }

  const allLeaves = () => leafHashesIn(store, 0, size)
  const broken = () => new AssentError('ledger_tampered', `The ledger's first ${size} entries no longer make their signed checkpoint; run ledger:verify.`)

  return {
    /** The leaf hash of entry `seq` and its inclusion proof. */
    async inclusion(seq: number): Promise<{ leafHash: Hash; proof: Hash[] }> {
      const index = seq - 1
      const leafHash = (await block(index - (index % BLOCK)))[index % BLOCK]
      if (!leafHash) throw broken()
      const proof = await roots(inclusionRanges(index, size))
      if (verifyInclusion(index, size, leafHash, proof, root)) return { leafHash, proof }
      payload.logger.warn(`Kept ledger subtree roots do not prove entry ${seq} in checkpoint ${size}; proving it from every entry.`)
      const leaves = await allLeaves()
      const again = inclusionProof(index, leaves)
      if (!verifyInclusion(index, size, leaves[index], again, root)) throw broken()
      return { leafHash: leaves[index], proof: again }
    },
    /** The consistency proof from the tree of `from` entries to this one. */
    async consistency(from: number, fromRoot: Hash): Promise<Hash[]> {
      const proof = await roots(consistencyRanges(from, size))
      if (verifyConsistency(from, size, proof, fromRoot, root)) return proof
      payload.logger.warn(`Kept ledger subtree roots do not prove checkpoint ${from} within ${size}; proving it from every entry.`)
      const again = consistencyProof(from, await allLeaves())
      if (!verifyConsistency(from, size, again, fromRoot, root)) throw broken()
      return again
    },
  }
}

/** A kept root that is missing (a ledger older than kept roots, or than roots of 16 to 128
 * leaves): computed from its leaves, read in pages, and kept with every kept-size root within it. */
async function computeAndKeep(store: LedgerTreeStore, { level, start }: Subtree): Promise<Hash> {
  const frontier = MerkleFrontier.empty()
  const roots: SubtreeRoot[] = []
  const keep = keptRootsCollector(roots)
  const end = start + 2 ** level
  for (const leaf of await leafHashesIn(store, start, end)) frontier.push(leaf, (hash, size, at) => keep(hash, size, start + at))
  if (frontier.size !== 2 ** level) throw new AssentError('ledger_tampered', `Ledger entries ${start + 1} to ${end} are not all there.`)
  await store.keepSubtreeRoots(roots)
  return frontier.root()!
}

/** The leaf hashes with index in [from, to), read in pages. */
async function leafHashesIn(store: LedgerTreeStore, from: number, to: number): Promise<Hash[]> {
  const leaves: Hash[] = []
  for (let at = from; at < to; at += PAGE) leaves.push(...(await store.leafHashes(at, Math.min(at + PAGE, to))))
  return leaves
}
