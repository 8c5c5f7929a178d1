import type { Payload } from 'payload'

import type { Checkpoint } from '../../domain/checkpointSignature'
import { checkpointsAfter } from './storedCheckpoints'

/** The most checkpoints one request lists. */
export const CHECKPOINT_PAGE_LIMIT = 1000

/** One page of the signed checkpoints, oldest first, and the address of the next page (null on
 * the last one). */
export interface CheckpointPage {
  checkpoints: Checkpoint[]
  next: string | null
}

/**
 * The checkpoints of more than `after` entries, at most `limit` of them. Read one row beyond the
 * page to know whether another follows; the next page starts after this page's last size, so a
 * checkpoint signed meanwhile is never skipped or listed twice.
 */
export async function checkpointPage(payload: Payload, publicUrl: string, after: number, limit: number): Promise<CheckpointPage> {
  const rows = await checkpointsAfter(payload, after, limit + 1)
  const checkpoints = rows.slice(0, limit)
  const more = rows.length > limit
  return { checkpoints, next: more ? `${publicUrl.replace(/\/$/, '')}/api/v1/ledger/checkpoints?after=${checkpoints.at(-1)!.treeSize}&limit=${limit}` : null }
}
