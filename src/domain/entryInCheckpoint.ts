import type { Checkpoint } from './checkpointSignature'
import { verifyInclusion } from './merkle'

/** A ledger entry as a pack gives it: its number, its leaf hash and its inclusion proof (hex). */
export interface ProvenEntry {
  seq: number
  leafHash: string
  proof: readonly string[]
}

/** Whether the entry's proof shows its leaf, at its number, in the tree the checkpoint signs. */
export function entryInCheckpoint(entry: ProvenEntry, checkpoint: Pick<Checkpoint, 'treeSize' | 'rootHash'>): boolean {
  return entry.seq >= 1 && entry.seq <= checkpoint.treeSize &&
    verifyInclusion(entry.seq - 1, checkpoint.treeSize, Buffer.from(entry.leafHash, 'hex'), entry.proof.map((h) => Buffer.from(h, 'hex')), Buffer.from(checkpoint.rootHash, 'hex'))
}
