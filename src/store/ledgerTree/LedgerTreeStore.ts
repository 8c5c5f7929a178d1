import type { Hash } from '../../domain/merkleHash'
import type { Subtree } from '../../domain/proofRanges'

/** A ledger entry as proofs and evidence packs read it. */
export interface StoredEntry {
  seq: number
  body: string
  leafHash: string
}

/** A perfect subtree with its root. */
export interface SubtreeRoot extends Subtree {
  hash: Hash
}

/**
 * The ledger read by index, and the subtree roots checkpoints keep (`ledgerTreeStore` chooses
 * once): what lets a proof or an evidence pack cost the same whatever the ledger's length.
 */
export interface LedgerTreeStore {
  /** The leaf hashes of the entries with leaf index in [from, to), that is numbers from + 1 to `to`. */
  leafHashes: (from: number, to: number) => Promise<Hash[]>
  /** The kept roots of `subtrees` that exist, by `subtreeKey`. */
  subtreeRoots: (subtrees: readonly Subtree[]) => Promise<Map<string, Hash>>
  /** Keeps subtree roots; one already kept stays as it is. */
  keepSubtreeRoots: (roots: readonly SubtreeRoot[]) => Promise<void>
  /** The entries naming `subject` (acceptances, notices) among the first `upTo`, in order. */
  entriesAbout: (subject: string, upTo: number) => Promise<StoredEntry[]>
  /** The entries of `kind` among the first `upTo`, in order. */
  entriesOfKind: (kind: string, upTo: number) => Promise<StoredEntry[]>
}

/** How a subtree is named in `subtreeRoots`' answer. */
export const subtreeKey = ({ level, start }: Subtree): string => `${level}:${start}`
