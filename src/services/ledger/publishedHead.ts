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

/** The last checkpoint published, or undefined before the first (or on a fresh data folder). */
export function readPublishedHead(file = publishedHeadPath()): Checkpoint | undefined {
  if (!existsSync(file)) return undefined
  const { treeSize, rootHash, signedAt, signature, keyId } = JSON.parse(readFileSync(file, 'utf8')) as Checkpoint
  return { treeSize, rootHash, signedAt, signature, keyId }
}

/** Records `checkpoint` as the last published unless a larger one already is (two signers racing);
 * written to a temporary file and renamed, so a crash never leaves half a head. */
export function writePublishedHead(checkpoint: Checkpoint, file = publishedHeadPath()): void {
  const current = readPublishedHead(file)
  if (current && current.treeSize >= checkpoint.treeSize) return
  ensureDataFolder(path.dirname(file))
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, `${JSON.stringify(checkpoint, null, 2)}\n`)
  renameSync(temporary, file)
}
