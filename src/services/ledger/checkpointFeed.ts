import type { Payload } from 'payload'

import type { Feed } from '../../formats/atomFeed'
import { listCheckpoints } from './storedCheckpoints'

/**
 * The signed checkpoints as an Atom feed, newest first, so witnesses and auditors can subscribe
 * and keep every signed tree head off the box. Each entry's summary is the checkpoint's JSON,
 * exactly what `ledger:verify --checkpoint` takes.
 */
export async function checkpointFeed(payload: Payload, publicUrl: string, keyFingerprint: string): Promise<Feed> {
  const checkpoints = (await listCheckpoints(payload)).reverse()
  const base = publicUrl.replace(/\/$/, '')
  return {
    id: `${base}/api/v1/ledger/checkpoints.atom`,
    title: `Assent ledger checkpoints (key ${keyFingerprint})`,
    selfLink: `${base}/api/v1/ledger/checkpoints.atom`,
    alternateLink: `${base}/api/v1/ledger/checkpoints`,
    // The ledger's signer is this Assent instance, named by its address.
    author: `Assent ledger at ${new URL(base).host}`,
    entries: checkpoints.map((c) => ({
      id: `urn:assent:ledger:checkpoint:${c.treeSize}:${c.rootHash}`,
      title: `Checkpoint of ${c.treeSize} entries`,
      link: `${base}/api/v1/ledger/checkpoints`,
      updated: new Date(c.signedAt),
      summary: JSON.stringify(c),
    })),
  }
}
