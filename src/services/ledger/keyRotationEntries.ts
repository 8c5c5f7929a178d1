import type { Payload } from 'payload'

import type { EvidenceLedgerEntry } from '../../domain/evidencePack'
import { inclusionProof } from '../../domain/merkle'
import { ledgerEntries } from './ledgerLeaves'

/** The ledger's key rotations within the first `treeSize` entries, each with its inclusion proof,
 * so a pack verified against a pinned key can follow the chain to the key that signed it. The
 * leaves are read only when there was a rotation. */
export async function keyRotationEntries(payload: Payload, treeSize: number): Promise<EvidenceLedgerEntry[]> {
  const { docs } = await payload.find({
    collection: 'ledger-entries',
    where: { and: [{ kind: { equals: 'key-rotation' } }, { seq: { less_than_equal: treeSize } }] },
    sort: 'seq',
    pagination: false,
    depth: 0,
    select: { seq: true, body: true, leafHash: true },
  })
  if (docs.length === 0) return []
  const leaves: Buffer[] = []
  for await (const entry of ledgerEntries(payload)) {
    if (entry.seq > treeSize) break
    leaves.push(Buffer.from(entry.leafHash, 'hex'))
  }
  return docs.map(({ seq, body, leafHash }) => ({ seq, body, leafHash, proof: inclusionProof(seq - 1, leaves).map((h) => h.toString('hex')) }))
}
