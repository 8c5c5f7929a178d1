import type { Payload } from 'payload'

import type { Checkpoint } from '../../domain/checkpointSignature'
import type { EvidenceLedgerEntry } from '../../domain/evidencePack'
import { ledgerTreeStore } from '../../store/ledgerTree'
import { provenEntries } from '../ledger/provenEntries'

/** The publication entries of `versionIds` within `checkpoint`, each with its inclusion proof:
 * what binds the change class, dates and rules of the versions an evidence pack states. */
export async function publicationEntries(payload: Payload, versionIds: ReadonlyArray<number | string>, checkpoint: Checkpoint): Promise<EvidenceLedgerEntry[]> {
  const wanted = new Set(versionIds.map(String))
  const publications = await ledgerTreeStore(payload).entriesOfKind('publication', checkpoint.treeSize)
  return provenEntries(payload, checkpoint, publications.filter((e) => wanted.has(String((JSON.parse(e.body) as { record: { publication?: unknown } }).record.publication))))
}
