import { createPublicKey, type KeyObject } from 'node:crypto'

import { checkpointSignatureValid, type Checkpoint } from './checkpointSignature'
import { contentHash } from './contentHash'
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

export interface LedgerVerdict {
  ok: boolean
  /** The first entry found wrong, if any. */
  firstBadSeq?: number
  problems: string[]
  entries: number
  checkpoints: number
}

/**
 * Verifies a ledger bundle with nothing but its contents and the public key: entries numbered
 * 1…n without gaps, each leaf hash recomputed from its body, each checkpoint's signature and its
 * root over the first `treeSize` entries, each checkpoint extending the one before (the exported
 * consistency proof, or one rebuilt from the entries), and every acceptance's content hash matching the version text it names.
 */
export function verifyLedgerBundle(bundle: LedgerBundle): LedgerVerdict {
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
  const entries = [...bundle.entries].sort((a, b) => a.seq - b.seq)
  entries.forEach((entry, i) => {
    if (entry.seq !== i + 1) return bad(i + 1, `entry ${i + 1} is missing (found ${entry.seq} in its place)`)
    if (entryLeafHash(entry.body) !== entry.leafHash) return bad(entry.seq, `entry ${entry.seq}: its body does not match its leaf hash`)
    let parsed: { seq?: number; kind?: string; record?: { contentHash?: string } }
    try {
      parsed = JSON.parse(entry.body)
    } catch {
      return bad(entry.seq, `entry ${entry.seq}: body is not JSON`)
    }
    if (parsed.seq !== entry.seq) return bad(entry.seq, `entry ${entry.seq}: body says it is entry ${parsed.seq}`)
    const hash = parsed.kind === 'acceptance' ? parsed.record?.contentHash : undefined
    if (hash !== undefined) {
      const text = bundle.versionTexts.get(hash)
      if (text === undefined) bad(entry.seq, `entry ${entry.seq}: the accepted text ${hash.slice(0, 12)}… is not in the bundle`)
      else if (!textMatches(hash, text)) bad(entry.seq, `entry ${entry.seq}: the version text in the bundle does not hash to ${hash.slice(0, 12)}…`)
    }
  })

  let key: KeyObject | undefined
  try {
    key = createPublicKey(bundle.publicKeyPem)
  } catch {
    problems.push('the public key cannot be read')
  }
  const leaves = entries.map((e) => Buffer.from(e.leafHash, 'hex'))
  const checkpoints = [...bundle.checkpoints].sort((a, b) => a.treeSize - b.treeSize)
  checkpoints.forEach((c, i) => {
    if (key && !checkpointSignatureValid(c, key)) problems.push(`checkpoint of ${c.treeSize} entries: signature is not valid for this key`)
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
  return { ok: problems.length === 0, firstBadSeq, problems, entries: entries.length, checkpoints: checkpoints.length }
}
