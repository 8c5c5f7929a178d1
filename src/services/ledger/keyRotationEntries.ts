import type { Payload } from 'payload'

import type { Checkpoint } from '../../domain/checkpointSignature'
import type { EvidenceLedgerEntry } from '../../domain/evidencePack'
import { ledgerTreeStore } from '../../store/ledgerTree'
import { provenEntries } from './provenEntries'

/** The ledger's key rotations within `checkpoint`, each with its inclusion proof, so a pack
 * verified against a pinned key can follow the chain to the key that signed it. */
export async function keyRotationEntries(payload: Payload, checkpoint: Checkpoint): Promise<EvidenceLedgerEntry[]> {
  return provenEntries(payload, checkpoint, await ledgerTreeStore(payload).entriesOfKind('key-rotation', checkpoint.treeSize))
}
