import type { Checkpoint } from './checkpointSignature'
import { savedCheckpointProblems, signerOf, uncoveredEntries, type SavedCheckpoint, type Uncovered } from './checkpointChecks'
import { trustedKeyChain } from './keyRotation'
import { leafTreeOf, type LeafTree } from './leafTree'
import { LedgerEntryScan, publicationProblems, versionTextStatus, type EntryScanSummary } from './ledgerEntryScan'
import { consistencyProof, verifyConsistency } from './merkle'

/** One exported ledger entry. */
export interface BundleEntry {
  seq: number
  body: string
  leafHash: string
}

/** What an auditor is given: entries, checkpoints, the public key and the version texts. */
export interface LedgerBundle {
  entries: BundleEntry[]
  checkpoints: Checkpoint[]
  publicKeyPem: string
  /** Version texts by content hash, to check what each acceptance says was shown. */
  versionTexts: Map<string, string>
  /** Consistency proofs between consecutive checkpoints, as exported (hex hashes). */
  consistencyProofs?: ConsistencyProofRecord[]
}

/** A consistency proof between two checkpoints, as exported. */
export interface ConsistencyProofRecord {
  from: number
  to: number
  proof: string[]
}

/** What the verifier trusts beyond the bundle. */
export interface VerifyOptions {
  /** The signing key's fingerprint (SHA-256 of the raw Ed25519 key, hex) the auditor pinned: the
   * key chain must contain it. Without it the key comes from the folder under test. */
  pin?: string
  /** Checkpoints seen before (an auditor's saved one, the server's last published head). */
  saved?: SavedCheckpoint[]
}

export interface LedgerVerdict {
  ok: boolean
  /** The first entry found wrong, if any. */
  firstBadSeq?: number
  problems: string[]
  entries: number
  checkpoints: number
  /** Fingerprint of the key in force (the last of the chain). */
  fingerprint?: string
  /** Fingerprints of every key that signed, oldest first (more than one after a rotation). */
  keyChain: string[]
  /** Whether the chain was checked against a pinned fingerprint. */
  pinned: boolean
  /** Entries no checkpoint covers yet. */
  uncovered?: Uncovered
}

/**
 * Verifies a ledger bundle with nothing but its contents and the public key: entries numbered
 * 1…n without gaps, each leaf hash recomputed from its body, each checkpoint's signature and its
 * root over the first `treeSize` entries, each checkpoint extending the one before (the exported
 * consistency proof, or one rebuilt from the entries), and every acceptance's content hash matching the version text it names.
 */
export function verifyLedgerBundle(bundle: LedgerBundle, options: VerifyOptions = {}): LedgerVerdict {
  const textStatus = versionTextStatus(bundle.versionTexts)
  const scan = new LedgerEntryScan(textStatus)
  const entries = [...bundle.entries].sort((a, b) => a.seq - b.seq)
  entries.forEach((entry, i) => scan.add(entry, i + 1))
  return ledgerVerdict(scan.result(), leafTreeOf(entries.map((e) => e.leafHash)), bundle, textStatus, options)
}

/**
 * The verdict on a ledger whose entries were scanned (in order, by one thread or several) and
 * whose leaf hashes are `leaves`: the scan's problems, then the publications', the key chain's,
 * each checkpoint's and each saved checkpoint's.
 */
export function ledgerVerdict(scan: EntryScanSummary, leaves: LeafTree, bundle: Omit<LedgerBundle, 'entries'>, textStatus: ReadonlyMap<string, boolean>, options: VerifyOptions = {}): LedgerVerdict {
  const problems = [...scan.problems, ...publicationProblems(scan, textStatus)]
  const { keys: chain, problems: keyProblems } = trustedKeyChain(bundle.publicKeyPem, scan.rotations, options.pin)
  problems.push(...keyProblems)
  const malformed = bundle.checkpoints.filter((c) => checkpointShapeProblem(c) !== undefined)
  for (const c of malformed) problems.push(`a checkpoint is malformed: ${checkpointShapeProblem(c)}`)
  const checkpoints = bundle.checkpoints.filter((c) => !malformed.includes(c)).sort((a, b) => a.treeSize - b.treeSize)
  checkpoints.forEach((c, i) => {
    if (!signerOf(c, chain)) problems.push(`checkpoint of ${c.treeSize} entries: signature is not valid for ${options.pin ? 'the pinned key (or a key it rotated to)' : 'this key'}`)
    if (c.treeSize > leaves.size) return void problems.push(`checkpoint of ${c.treeSize} entries: only ${leaves.size} entries exist (entries were removed)`)
    if (leaves.rootAt(c.treeSize).toString('hex') !== c.rootHash) {
      problems.push(`checkpoint of ${c.treeSize} entries: root does not match the entries`)
    }
    const previous = checkpoints[i - 1]
    if (previous) {
      const given = bundle.consistencyProofs?.find((p) => p.from === previous.treeSize && p.to === c.treeSize)
      const readable = given && Array.isArray(given.proof) && given.proof.every((h) => typeof h === 'string')
      const proof = given ? (readable ? given.proof.map((h) => Buffer.from(h, 'hex')) : []) : consistencyProof(previous.treeSize, leaves.hashes(c.treeSize))
      if (!verifyConsistency(previous.treeSize, c.treeSize, proof, Buffer.from(previous.rootHash, 'hex'), Buffer.from(c.rootHash, 'hex'))) {
        problems.push(`checkpoint of ${c.treeSize} entries does not extend the checkpoint of ${previous.treeSize}`)
      }
    }
  })
  problems.push(...savedCheckpointProblems(options.saved ?? [], checkpoints, leaves, chain))
  return {
    ok: problems.length === 0,
    firstBadSeq: scan.firstBadSeq,
    problems,
    entries: scan.entries,
    checkpoints: checkpoints.length,
    fingerprint: chain.at(-1)?.fingerprint,
    keyChain: chain.map((k) => k.fingerprint),
    pinned: options.pin !== undefined,
    uncovered: uncoveredEntries(scan.entries, checkpoints),
  }
}

/** What makes a checkpoint unreadable (a size that is not a whole number of entries, a root or
 * signature that is not text), or undefined: such a checkpoint is named, not computed with. */
function checkpointShapeProblem(c: Checkpoint): string | undefined {
  if (!Number.isSafeInteger(c.treeSize) || c.treeSize < 0) return `its size ${JSON.stringify(c.treeSize)?.slice(0, 40)} is not a number of entries`
  if (typeof c.rootHash !== 'string' || !/^[0-9a-f]{64}$/.test(c.rootHash)) return `checkpoint of ${c.treeSize} entries: its root is not a SHA-256 hash in hex`
  if (typeof c.signature !== 'string' || typeof c.signedAt !== 'string' || typeof c.keyId !== 'string') return `checkpoint of ${c.treeSize} entries: its signature, time or key is not text`
  return undefined
}
