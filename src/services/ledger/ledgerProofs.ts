import type { Payload } from 'payload'

import { AssentError } from '../../errors/AssentError'
import { ledgerProver } from './ledgerProver'
import { checkpointOfSize } from './storedCheckpoints'

const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'))

async function checkpointOf(payload: Payload, treeSize: number) {
  const checkpoint = await checkpointOfSize(payload, treeSize)
  if (!checkpoint) throw new AssentError('not_found', `No checkpoint of ${treeSize} entries; list them at /api/v1/ledger/checkpoints.`)
  return checkpoint
}

/** The inclusion proof of entry `seq` in the signed checkpoint of `treeSize` entries. */
export async function ledgerInclusionProof(payload: Payload, seq: number, treeSize: number) {
  const checkpoint = await checkpointOf(payload, treeSize)
  if (seq > treeSize) throw new AssentError('bad_request', `Entry ${seq} is not in the checkpoint of ${treeSize} entries.`)
  const { leafHash, proof } = await ledgerProver(payload, checkpoint).inclusion(seq)
  return { seq, leafIndex: seq - 1, leafHash: leafHash.toString('hex'), checkpoint, proof: hex(proof) }
}

/** The consistency proof between two signed checkpoints. */
export async function ledgerConsistencyProof(payload: Payload, from: number, to: number) {
  if (from > to) throw new AssentError('bad_request', `A ledger only grows: from (${from}) must not exceed to (${to}).`)
  const [older, newer] = await Promise.all([checkpointOf(payload, from), checkpointOf(payload, to)])
  return { from: older, to: newer, proof: hex(await ledgerProver(payload, newer).consistency(from, Buffer.from(older.rootHash, 'hex'))) }
}
