import { open, type FileHandle } from 'node:fs/promises'

/** The statement each connection runs so that its commits leave syncing to `walSync`. */
export const SYNC_BY_WAL_DURABILITY = 'PRAGMA synchronous = NORMAL'

interface Wal {
  file?: Promise<FileHandle>
  running?: Promise<void>
  next?: Promise<void>
}

const wals = new Map<string, Wal>()

/**
 * The file path of a SQLite URL (`file:./data/assent.db`), or undefined in memory. Percent escapes
 * are decoded as libsql decodes them (`%23` is `#`), so every connection opens the same file.
 */
export function sqlitePath(url: string): string | undefined {
  if (url.includes(':memory:')) return undefined
  const path = url.replace(/^file:/, '').replace(/\?.*$/, '')
  try {
    return decodeURIComponent(path)
  } catch {
    return path // libsql refuses such a URL itself, saying why
  }
}

function syncOnce(path: string, wal: Wal): Promise<void> {
  wal.file ??= open(`${path}-wal`, 'r')
  const running = wal.file
    .then((handle) => handle.datasync())
    .catch((error: NodeJS.ErrnoException) => {
      wal.file = undefined
      // No WAL file: nothing is waiting in one (the last connection checkpointed and removed it).
      if (error.code !== 'ENOENT') throw error
    })
    .finally(() => {
      if (wal.running === running) wal.running = undefined
    })
  wal.running = running
  return running
}

/**
 * Makes what this process committed to the SQLite file at `path` durable, without blocking the
 * event loop. Connections commit with synchronous=NORMAL: the WAL is written but not synced, and
 * SQLite syncs it before each checkpoint, so the file stays whole. Before a write is reported
 * done, one fdatasync of the WAL runs on libuv's thread pool and covers every commit made before
 * it started; commits made while one runs share the next. With synchronous=FULL each commit
 * synced inline, stopping the whole server for as long as the disk took (tens to hundreds of
 * milliseconds on a busy disk).
 */
export function walSync(path: string | undefined): Promise<void> {
  if (!path) return Promise.resolve()
  let wal = wals.get(path)
  if (!wal) wals.set(path, (wal = {}))
  if (!wal.running) return syncOnce(path, wal)
  // The sync running may have started before this commit: wait for the one after it.
  const state = wal
  state.next ??= state.running!.catch(() => undefined).then(() => {
    state.next = undefined
    return syncOnce(path, state)
  })
  return state.next
}

/** Closes the WAL file handle kept for `path`. */
export async function closeWalSync(path: string | undefined): Promise<void> {
  const wal = path ? wals.get(path) : undefined
  if (!wal) return
  wals.delete(path!)
  await wal.running?.catch(() => undefined)
  await (await wal.file?.catch(() => undefined))?.close()
}
