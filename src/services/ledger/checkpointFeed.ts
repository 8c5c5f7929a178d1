import type { Payload } from 'payload'

import type { Feed } from '../../formats/atomFeed'
import { newestCheckpoints } from './storedCheckpoints'

/** How many checkpoints the feed holds: a subscriber polling more often than this many are signed
 * misses none. */
export const FEED_CHECKPOINTS = 100

/**
 * The newest signed checkpoints as an Atom feed, newest first, so witnesses and auditors can
 * subscribe and keep every signed tree head off the box. Each entry's summary is the checkpoint's
 * JSON, exactly what `ledger:verify --checkpoint` takes.
 */
export async function checkpointFeed(payload: Payload, publicUrl: string, keyFingerprint: string): Promise<Feed> {
  const checkpoints = await newestCheckpoints(payload, FEED_CHECKPOINTS)
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
