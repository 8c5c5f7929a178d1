import type { Payload } from 'payload'

import type { EvidenceLedgerEntry } from '../../domain/evidencePack'
import { inclusionProof } from '../../domain/merkle'
import { ledgerEntries } from '../ledger/ledgerLeaves'

/** The publication entries of `versionIds` (up to the checkpoint), each with its inclusion proof:
 * what binds the change class, dates and rules of the versions an evidence pack states. */
export async function publicationEntries(payload: Payload, versionIds: ReadonlyArray<number | string>, treeSize: number): Promise<EvidenceLedgerEntry[]> {
  const wanted = new Set(versionIds.map(String))
  const leaves: Buffer[] = []
  const found: Array<{ seq: number; body: string; leafHash: string }> = []
  for await (const entry of ledgerEntries(payload)) {
    if (entry.seq > treeSize) break
    leaves.push(Buffer.from(entry.leafHash, 'hex'))
    if (!entry.body.includes('"kind":"publication"')) continue
    const { kind, record } = JSON.parse(entry.body) as { kind: string; record: { publication?: unknown } }
    if (kind === 'publication' && wanted.has(String(record.publication))) found.push(entry)
  }
  return found.map((e) => ({ ...e, proof: inclusionProof(e.seq - 1, leaves).map((h) => h.toString('hex')) }))
}
