import type { Payload } from 'payload'

import { consistencyProof, inclusionProof } from '../../domain/merkle'
import { AssentError } from '../../errors/AssentError'
import { listCheckpoints } from './createCheckpoint'
import { ledgerEntries } from './ledgerLeaves'

const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'))

async function leavesUpTo(payload: Payload, size: number): Promise<Buffer[]> {
  const leaves: Buffer[] = []
  for await (const entry of ledgerEntries(payload)) {
    if (entry.seq > size) break
    leaves.push(Buffer.from(entry.leafHash, 'hex'))
  }
  return leaves
}

async function checkpointOf(payload: Payload, treeSize: number) {
  const checkpoint = (await listCheckpoints(payload)).find((c) => c.treeSize === treeSize)
  if (!checkpoint) throw new AssentError('not_found', `No checkpoint of ${treeSize} entries; list them at /api/v1/ledger/checkpoints.`)
  return checkpoint
}

/** The inclusion proof of entry `seq` in the signed checkpoint of `treeSize` entries. */
export async function ledgerInclusionProof(payload: Payload, seq: number, treeSize: number) {
  const checkpoint = await checkpointOf(payload, treeSize)
  if (seq > treeSize) throw new AssentError('bad_request', `Entry ${seq} is not in the checkpoint of ${treeSize} entries.`)
  const leaves = await leavesUpTo(payload, treeSize)
  return { seq, leafIndex: seq - 1, leafHash: leaves[seq - 1].toString('hex'), checkpoint, proof: hex(inclusionProof(seq - 1, leaves)) }
}

/** The consistency proof between two signed checkpoints. */
export async function ledgerConsistencyProof(payload: Payload, from: number, to: number) {
  if (from > to) throw new AssentError('bad_request', `A ledger only grows: from (${from}) must not exceed to (${to}).`)
  const [older, newer] = await Promise.all([checkpointOf(payload, from), checkpointOf(payload, to)])
  const leaves = await leavesUpTo(payload, to)
  return { from: older, to: newer, proof: hex(consistencyProof(from, leaves)) }
}
