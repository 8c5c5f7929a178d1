import type { Payload } from 'payload'

import { closeNativeSqlite } from '../../db/leanQuery'
import { closeWalSync, sqlitePath } from '../../db/walDurability'

interface Connections {
  clientConfig?: { url?: string }
  pool?: { end: () => Promise<void>; on: (event: 'error', listener: () => void) => void }
  client?: { close: () => void }
  connection?: { close: () => Promise<void> }
}

/**
 * Stops Payload and lets go of its database connections (Payload's destroy leaves them open).
 * The PostgreSQL adapter keeps one pooled client checked out for its whole life, so waiting for
 * the pool to drain would wait forever: the pool is told to end and errors from its last
 * connections, cut when the process or database goes away, are ignored.
 */
export async function closeDatabase(payload: Payload): Promise<void> {
  closeNativeSqlite(payload)
  const db = payload.db as unknown as Connections
  if (db.pool) {
    db.pool.on('error', () => undefined)
    void db.pool.end().catch(() => undefined)
  }
  db.client?.close()
  if (db.clientConfig?.url) await closeWalSync(sqlitePath(db.clientConfig.url))
  await db.connection?.close()
  await payload.destroy()
}
