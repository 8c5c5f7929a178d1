import type { Payload } from 'payload'

import { signCheckpoint, type Checkpoint } from '../../domain/checkpointSignature'
import { entryLeafHash } from '../../domain/ledgerBody'
import { rootOf } from '../../domain/merkle'
import { AssentError } from '../../errors/AssentError'
import { ledgerEntries } from './ledgerLeaves'
import { ledgerSigningKey } from './ledgerSigningKey'

/** The checkpoints so far, oldest first. */
export async function listCheckpoints(payload: Payload): Promise<Checkpoint[]> {
  const { docs } = await payload.find({ collection: 'ledger-checkpoints', sort: 'treeSize', pagination: false, depth: 0 })
  return docs.map(({ treeSize, rootHash, signedAt, signature, keyId }) => ({ treeSize, rootHash, signedAt, signature, keyId }))
}

/**
 * Signs a checkpoint over the whole ledger: walks every entry (numbers 1…n, each leaf hash
 * recomputed from its body), computes the RFC 6962 root, checks the tree still starts with the
 * last checkpoint's tree, and stores the signed checkpoint. Refuses a ledger that was tampered
 * with or shrank; returns the last checkpoint when nothing was appended since.
 */
export async function createCheckpoint(payload: Payload, now = new Date()): Promise<{ checkpoint: Checkpoint; created: boolean }> {
  const leaves: Buffer[] = []
  for await (const entry of ledgerEntries(payload)) {
    const expected = leaves.length + 1
    if (entry.seq !== expected) throw new AssentError('ledger_tampered', `Ledger entry ${expected} is missing (found ${entry.seq}).`)
    if (entryLeafHash(entry.body) !== entry.leafHash) throw new AssentError('ledger_tampered', `Ledger entry ${entry.seq} does not match its leaf hash.`)
    leaves.push(Buffer.from(entry.leafHash, 'hex'))
  }
  const previous = (await listCheckpoints(payload)).at(-1)
  if (previous) {
    if (leaves.length < previous.treeSize) throw new AssentError('ledger_tampered', `The ledger has ${leaves.length} entries but checkpoint ${previous.treeSize} was signed: entries were removed.`)
    if (rootOf(leaves.slice(0, previous.treeSize)).toString('hex') !== previous.rootHash) {
      throw new AssentError('ledger_tampered', `The first ${previous.treeSize} entries no longer match their signed checkpoint.`)
    }
    if (leaves.length === previous.treeSize) return { checkpoint: previous, created: false }
  }
  const checkpoint = signCheckpoint({ treeSize: leaves.length, rootHash: rootOf(leaves).toString('hex'), signedAt: now.toISOString() }, ledgerSigningKey().privateKey)
  await payload.create({ collection: 'ledger-checkpoints', data: checkpoint })
  return { checkpoint, created: true }
}
