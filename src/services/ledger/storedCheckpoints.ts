import type { Payload, Where } from 'payload'

import type { Checkpoint } from '../../domain/checkpointSignature'

const fieldsOf = ({ treeSize, rootHash, signedAt, signature, keyId }: Checkpoint): Checkpoint => ({ treeSize, rootHash, signedAt, signature, keyId })

const find = async (payload: Payload, where: Where | undefined, sort: string, limit?: number): Promise<Checkpoint[]> =>
  (await payload.find({ collection: 'ledger-checkpoints', where, sort, ...(limit ? { limit } : {}), pagination: false, depth: 0 })).docs.map(fieldsOf)

/** The checkpoints so far, oldest first (every one: for exports, not for requests). */
export const listCheckpoints = (payload: Payload): Promise<Checkpoint[]> => find(payload, undefined, 'treeSize')

/** At most `limit` checkpoints of more than `after` entries, oldest first: one page of the list,
 * by the index on their size. */
export const checkpointsAfter = (payload: Payload, after: number, limit: number): Promise<Checkpoint[]> =>
  find(payload, { treeSize: { greater_than: after } }, 'treeSize', limit)

/** The newest `limit` checkpoints, newest first. */
export const newestCheckpoints = (payload: Payload, limit: number): Promise<Checkpoint[]> => find(payload, undefined, '-treeSize', limit)

/** The newest checkpoint, if any: one row, by the index on its size. */
export const lastCheckpoint = async (payload: Payload): Promise<Checkpoint | undefined> => (await newestCheckpoints(payload, 1))[0]

/** The checkpoint of `treeSize` entries, if one was signed. */
export const checkpointOfSize = async (payload: Payload, treeSize: number): Promise<Checkpoint | undefined> =>
  (await find(payload, { treeSize: { equals: treeSize } }, 'treeSize', 1))[0]
