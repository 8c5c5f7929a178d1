import { checkpointSignatureValid, type Checkpoint } from './checkpointSignature'
import type { TrustedKey } from './keyRotation'
import type { LeafTree } from './leafTree'
import { rootOf, type Hash } from './merkle'

/** Entries no checkpoint covers yet: the newest, which could vanish without a trace until the next
 * checkpoint (or a receipt) binds them. */
export interface Uncovered {
  count: number
  from: number
  to: number
}

/** The entries after the largest checkpoint, if any. */
export function uncoveredEntries(entries: number, checkpoints: ReadonlyArray<Pick<Checkpoint, 'treeSize'>>): Uncovered | undefined {
  const covered = Math.min(entries, Math.max(0, ...checkpoints.map((c) => c.treeSize)))
  return covered < entries ? { count: entries - covered, from: covered + 1, to: entries } : undefined
}

/** The key of `chain` that signed `checkpoint` and may sign a tree of its size, if any. */
export function signerOf(checkpoint: Checkpoint, chain: readonly TrustedKey[]): TrustedKey | undefined {
  return chain.find((k) => k.keyId === checkpoint.keyId && checkpoint.treeSize >= k.fromSize && checkpoint.treeSize < k.untilSize && checkpointSignatureValid(checkpoint, k.key))
}

/**
 * Whether a ledger of `size` entries, whose first `saved.treeSize` entries have the root
 * `prefixRoot`, extends a checkpoint seen before: no entry it covered removed, none rewritten.
 * Returns the problem, worded for an auditor, or undefined.
 */
export function prefixProblem(saved: Pick<Checkpoint, 'treeSize' | 'rootHash'>, size: number, prefixRoot: Hash | undefined, label: string): string | undefined {
  if (size < saved.treeSize || !prefixRoot) return `${label} covers ${saved.treeSize} entries but the ledger has ${size}: entries were removed`
  if (prefixRoot.toString('hex') !== saved.rootHash) return `the ledger does not extend ${label} (${saved.treeSize} entries, root ${saved.rootHash.slice(0, 16)}…): history was rewritten`
  return undefined
}

/** Whether the ledger (its leaf hashes) extends a checkpoint seen before: its first entries still
 * make the saved root. Returns the problem, worded for an auditor, or undefined. */
export function extensionProblem(saved: Pick<Checkpoint, 'treeSize' | 'rootHash'>, leaves: readonly Hash[], label: string): string | undefined {
  return prefixProblem(saved, leaves.length, leaves.length < saved.treeSize ? undefined : rootOf(leaves.slice(0, saved.treeSize)), label)
}

/** A checkpoint seen before (kept by an auditor or witness, or the last head this server published),
 * and how to name it. */
export interface SavedCheckpoint {
  label: string
  checkpoint: Checkpoint
  /** The stored checkpoints must still include it (true for the head the server itself published). */
  mustBeStored?: boolean
}

/**
 * The checks on saved checkpoints: each signed by a key of the chain, the ledger extending it, and
 * (for the server's own last head) still among the stored checkpoints, so that deleting every
 * checkpoint cannot make the ledger forget what it signed.
 */
export function savedCheckpointProblems(saved: readonly SavedCheckpoint[], stored: readonly Checkpoint[], leaves: LeafTree, chain: readonly TrustedKey[]): string[] {
  const problems: string[] = []
  for (const { label, checkpoint, mustBeStored } of saved) {
    if (!signerOf(checkpoint, chain)) problems.push(`${label} is not signed by the ledger's key`)
    const extension = prefixProblem(checkpoint, leaves.size, leaves.size < checkpoint.treeSize ? undefined : leaves.rootAt(checkpoint.treeSize), label)
    if (extension) problems.push(extension)
    if (mustBeStored && !stored.some((c) => c.treeSize === checkpoint.treeSize && c.rootHash === checkpoint.rootHash)) {
      const largest = Math.max(0, ...stored.map((c) => c.treeSize))
      problems.push(stored.length === 0
        ? `no checkpoint is stored, but ${label} covers ${checkpoint.treeSize} entries: the checkpoints were deleted`
        : `${label} (${checkpoint.treeSize} entries) is missing from the stored checkpoints (the largest covers ${largest}): checkpoints were deleted or replaced`)
    }
  }
  return problems
}
