import { accessSync, constants, mkdirSync, statSync } from 'node:fs'
import path from 'node:path'

import { ConfigError } from './ConfigError'

/**
 * Creates `dir` and its missing parents, one level at a time, and checks that it is a folder this
 * process can write; throws the file system's error otherwise. Not `mkdirSync(dir, { recursive:
 * true })`: on Node 20 that loops forever at 100% CPU when a parent refuses new folders with
 * ENOENT although it exists (anything under /proc).
 */
export function ensureFolder(dir: string): void {
  const missing: string[] = []
  let current = path.resolve(dir)
  while (!exists(current)) {
    missing.unshift(current)
    const parent = path.dirname(current)
    if (parent === current) break
    current = parent
  }
  for (const folder of missing) mkdirSync(folder)
  if (!statSync(dir).isDirectory()) throw Object.assign(new Error(`${dir} is a file, not a folder`), { code: 'ENOTDIR' })
  accessSync(dir, constants.W_OK)
}

function exists(file: string): boolean {
  try {
    statSync(file)
    return true
  } catch {
    return false
  }
}

/** The file system's reason, with its code, for a one-line message. */
export const fsReason = (error: unknown): string => {
  const e = error as { code?: string; message?: string }
  const message = String(e.message ?? error)
  return e.code && !message.startsWith(e.code) ? `${e.code}: ${message}` : message
}

/** ensureFolder for ASSENT_DATA_DIR, failing with what to fix. */
export function ensureDataFolder(dataDir: string): void {
  try {
    ensureFolder(dataDir)
  } catch (error) {
    throw new ConfigError(`Cannot write the data folder ${dataDir} (${fsReason(error)}): set ASSENT_DATA_DIR to a writable folder or fix its permissions.`)
  }
}
