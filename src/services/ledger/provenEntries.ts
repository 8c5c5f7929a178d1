import type { Payload } from 'payload'

import type { Checkpoint } from '../../domain/checkpointSignature'
import type { EvidenceLedgerEntry } from '../../domain/evidencePack'
import type { StoredEntry } from '../../store/ledgerTree'
import { ledgerProver } from './ledgerProver'

/** Entries with their inclusion proofs in `checkpoint`, built from kept subtree roots. */
export async function provenEntries(payload: Payload, checkpoint: Checkpoint, entries: readonly StoredEntry[]): Promise<EvidenceLedgerEntry[]> {
  const prover = ledgerProver(payload, checkpoint)
  const proven: EvidenceLedgerEntry[] = []
  for (const entry of entries) {
    const { proof } = await prover.inclusion(entry.seq)
    proven.push({ seq: entry.seq, body: entry.body, leafHash: entry.leafHash, proof: proof.map((h) => h.toString('hex')) })
  }
  return proven
}
