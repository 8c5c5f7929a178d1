import type { Payload } from 'payload'

import { extensionProblem } from '../../domain/checkpointChecks'
import { signCheckpoint, type Checkpoint } from '../../domain/checkpointSignature'
import { entryLeafHash } from '../../domain/ledgerBody'
import { ledgerKeyFingerprint } from '../../domain/ledgerKeyFingerprint'
import { rootOf } from '../../domain/merkle'
import { AssentError } from '../../errors/AssentError'
import { ledgerEntries } from './ledgerLeaves'
import { ledgerSigningKey } from './ledgerSigningKey'
import { publishedHeadPath, readPublishedHead, writePublishedHead } from './publishedHead'

/** The checkpoints so far, oldest first. */
export async function listCheckpoints(payload: Payload): Promise<Checkpoint[]> {
  const { docs } = await payload.find({ collection: 'ledger-checkpoints', sort: 'treeSize', pagination: false, depth: 0 })
  return docs.map(({ treeSize, rootHash, signedAt, signature, keyId }) => ({ treeSize, rootHash, signedAt, signature, keyId }))
}

/**
 * Signs a checkpoint over the whole ledger: walks every entry (numbers 1…n, each leaf hash
 * recomputed from its body), computes the RFC 6962 root, checks the tree still extends the last
 * stored checkpoint and the last head this server published (kept in the data folder, so deleting
 * every checkpoint does not let a rewritten history be signed), stores the signed checkpoint and
 * records it as the published head. Refuses a ledger that was tampered with or shrank; returns the
 * last checkpoint when nothing was appended since.
 */
export async function createCheckpoint(payload: Payload, now = new Date()): Promise<{ checkpoint: Checkpoint; created: boolean }> {
  const leaves: Buffer[] = []
  let keyInForce: string | undefined
  for await (const entry of ledgerEntries(payload)) {
    if (entry.body.includes('"kind":"key-rotation"')) keyInForce = (JSON.parse(entry.body) as { record: { to: string } }).record.to
    const expected = leaves.length + 1
    if (entry.seq !== expected) throw new AssentError('ledger_tampered', `Ledger entry ${expected} is missing (found ${entry.seq}).`)
    if (entryLeafHash(entry.body) !== entry.leafHash) throw new AssentError('ledger_tampered', `Ledger entry ${entry.seq} does not match its leaf hash.`)
    leaves.push(Buffer.from(entry.leafHash, 'hex'))
  }
  const head = readPublishedHead()
  const rewritten = head && extensionProblem(head, leaves, 'the last checkpoint this server published')
  if (rewritten) throw new AssentError('ledger_tampered', `Refusing to sign: ${rewritten}. (Only if this database was replaced on purpose, as by a fresh install, move ${publishedHeadPath()} aside.)`)
  const previous = (await listCheckpoints(payload)).at(-1)
  if (previous) {
    if (leaves.length < previous.treeSize) throw new AssentError('ledger_tampered', `The ledger has ${leaves.length} entries but checkpoint ${previous.treeSize} was signed: entries were removed.`)
    if (rootOf(leaves.slice(0, previous.treeSize)).toString('hex') !== previous.rootHash) {
      throw new AssentError('ledger_tampered', `The first ${previous.treeSize} entries no longer match their signed checkpoint.`)
    }
    if (leaves.length === previous.treeSize) {
      writePublishedHead(previous)
      return { checkpoint: previous, created: false }
    }
  }
  const key = ledgerSigningKey()
  if (keyInForce && keyInForce !== ledgerKeyFingerprint(key.publicKey)) {
    throw new AssentError('ledger_tampered', `Refusing to sign with key ${ledgerKeyFingerprint(key.publicKey)}: the ledger rotated to key ${keyInForce}; install that key (LEDGER_SIGNING_KEY) and restart.`)
  }
  const checkpoint = signCheckpoint({ treeSize: leaves.length, rootHash: rootOf(leaves).toString('hex'), signedAt: now.toISOString() }, key.privateKey)
  await payload.create({ collection: 'ledger-checkpoints', data: checkpoint })
  writePublishedHead(checkpoint)
  return { checkpoint, created: true }
}
