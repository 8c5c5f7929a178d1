import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Checkpoint } from '../../domain/checkpointSignature'
import { readEnv } from '../../config/env'
import { ensureDataFolder } from '../../config/ensureFolder'

/** The last checkpoint this server signed, kept beside the signing key in the data folder: an
 * insider with database access alone can delete every checkpoint, not make the server forget. */
export const PUBLISHED_HEAD_FILE = 'ledger-head.json'

/** Where the published head lives (the data folder of `env`). */
export const publishedHeadPath = (env: NodeJS.ProcessEnv = process.env): string => path.join(readEnv(env).dataDir, PUBLISHED_HEAD_FILE)

/**
 * What the server keeps beside its last published head so the next checkpoint starts where that
 * one stopped: the tree's subtree roots (its Merkle frontier), its last leaf, and the key the
 * ledger had rotated to by then. Trusted as much as the signing key beside it.
 */
export interface HeadFrontier {
  roots: string[]
  lastLeafHash: string
  keyInForce?: string
}

type HeadFile = Checkpoint & { frontier?: HeadFrontier }

const readHeadFile = (file: string): HeadFile | undefined => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as HeadFile) : undefined)

/** The last checkpoint published, or undefined before the first (or on a fresh data folder). */
export function readPublishedHead(file = publishedHeadPath()): Checkpoint | undefined {
  const head = readHeadFile(file)
  if (!head) return undefined
  const { treeSize, rootHash, signedAt, signature, keyId } = head
  return { treeSize, rootHash, signedAt, signature, keyId }
}

/** The frontier kept with the last published head, if it was (heads written before it was kept
 * have none). */
export function readHeadFrontier(file = publishedHeadPath()): HeadFrontier | undefined {
  const frontier = readHeadFile(file)?.frontier
  return frontier && Array.isArray(frontier.roots) && typeof frontier.lastLeafHash === 'string' ? frontier : undefined
}

/** Records `checkpoint` (with its `frontier`) as the last published unless a larger one already is
 * (two signers racing), or the same one with its frontier; written to a temporary file and
 * renamed, so a crash never leaves half a head. */
export function writePublishedHead(checkpoint: Checkpoint, frontier?: HeadFrontier, file = publishedHeadPath()): void {
  const current = readHeadFile(file)
  if (current && (current.treeSize > checkpoint.treeSize || (current.treeSize === checkpoint.treeSize && (current.frontier || !frontier)))) return
  ensureDataFolder(path.dirname(file))
  const temporary = `${file}.${process.pid}.tmp`
  const { treeSize, rootHash, signedAt, signature, keyId } = checkpoint
  writeFileSync(temporary, `${JSON.stringify({ treeSize, rootHash, signedAt, signature, keyId, ...(frontier ? { frontier } : {}) }, null, 2)}\n`)
  renameSync(temporary, file)
}
