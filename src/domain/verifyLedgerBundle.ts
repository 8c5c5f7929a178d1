import type { Checkpoint } from './checkpointSignature'
import { savedCheckpointProblems, signerOf, uncoveredEntries, type SavedCheckpoint, type Uncovered } from './checkpointChecks'
import { checkBundlePublications } from './checkBundlePublications'
import { contentHash } from './contentHash'
import { trustedKeyChain, type KeyRotationRecord } from './keyRotation'
import { entryLeafHash } from './ledgerBody'
import { consistencyProof, rootOf, verifyConsistency } from './merkle'

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
  const problems: string[] = []
  let firstBadSeq: number | undefined
  const bad = (seq: number, problem: string) => {
    firstBadSeq ??= seq
    problems.push(problem)
  }
  // Each version text is hashed once, however many acceptances name it.
  const checkedTexts = new Map<string, boolean>()
  const textMatches = (hash: string, text: string) => {
    let ok = checkedTexts.get(hash)
    if (ok === undefined) checkedTexts.set(hash, (ok = contentHash(text) === hash))
    return ok
  }
  const rotations: Array<{ seq: number; record: Partial<KeyRotationRecord> }> = []
  const entries = [...bundle.entries].sort((a, b) => a.seq - b.seq)
  entries.forEach((entry, i) => {
    if (entry.seq !== i + 1) return bad(i + 1, `entry ${i + 1} is missing (found ${entry.seq} in its place)`)
    if (entryLeafHash(entry.body) !== entry.leafHash) return bad(entry.seq, `entry ${entry.seq}: its body does not match its leaf hash`)
    let parsed: { seq?: number; kind?: string; record?: { contentHash?: string } & Partial<KeyRotationRecord> }
    try {
      parsed = JSON.parse(entry.body)
    } catch {
      return bad(entry.seq, `entry ${entry.seq}: body is not JSON`)
    }
    if (parsed.seq !== entry.seq) return bad(entry.seq, `entry ${entry.seq}: body says it is entry ${parsed.seq}`)
    if (parsed.kind === 'key-rotation') rotations.push({ seq: entry.seq, record: parsed.record ?? {} })
    const hash = parsed.kind === 'acceptance' ? parsed.record?.contentHash : undefined
    if (hash !== undefined) {
      const text = bundle.versionTexts.get(hash)
      if (text === undefined) bad(entry.seq, `entry ${entry.seq}: the accepted text ${hash.slice(0, 12)}… is not in the bundle`)
      else if (!textMatches(hash, text)) bad(entry.seq, `entry ${entry.seq}: the version text in the bundle does not hash to ${hash.slice(0, 12)}…`)
    }
  })

  problems.push(...checkBundlePublications(entries, bundle.versionTexts))
  const { keys: chain, problems: keyProblems } = trustedKeyChain(bundle.publicKeyPem, rotations, options.pin)
  problems.push(...keyProblems)
  const leaves = entries.map((e) => Buffer.from(e.leafHash, 'hex'))
  const checkpoints = [...bundle.checkpoints].sort((a, b) => a.treeSize - b.treeSize)
  checkpoints.forEach((c, i) => {
    if (!signerOf(c, chain)) problems.push(`checkpoint of ${c.treeSize} entries: signature is not valid for ${options.pin ? 'the pinned key (or a key it rotated to)' : 'this key'}`)
    if (c.treeSize > leaves.length) return void problems.push(`checkpoint of ${c.treeSize} entries: only ${leaves.length} entries exist (entries were removed)`)
    if (rootOf(leaves.slice(0, c.treeSize)).toString('hex') !== c.rootHash) {
      problems.push(`checkpoint of ${c.treeSize} entries: root does not match the entries`)
    }
    const previous = checkpoints[i - 1]
    if (previous) {
      const given = bundle.consistencyProofs?.find((p) => p.from === previous.treeSize && p.to === c.treeSize)
      const proof = given ? given.proof.map((h) => Buffer.from(h, 'hex')) : consistencyProof(previous.treeSize, leaves.slice(0, c.treeSize))
      if (!verifyConsistency(previous.treeSize, c.treeSize, proof, Buffer.from(previous.rootHash, 'hex'), Buffer.from(c.rootHash, 'hex'))) {
        problems.push(`checkpoint of ${c.treeSize} entries does not extend the checkpoint of ${previous.treeSize}`)
      }
    }
  })
  problems.push(...savedCheckpointProblems(options.saved ?? [], checkpoints, leaves, chain))
  return {
    ok: problems.length === 0,
    firstBadSeq,
    problems,
    entries: entries.length,
    checkpoints: checkpoints.length,
    fingerprint: chain.at(-1)?.fingerprint,
    keyChain: chain.map((k) => k.fingerprint),
    pinned: options.pin !== undefined,
    uncovered: uncoveredEntries(entries.length, checkpoints),
  }
}
