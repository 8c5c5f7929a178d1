import type pg from 'pg'
import type { Payload } from 'payload'

import { closeNativeSqlite } from '../../db/leanQuery'
import { statementPoolOf } from '../../db/statementPool'
import { closeWalSync, sqlitePath } from '../../db/walDurability'

interface Connections {
  clientConfig?: { url?: string }
  pool?: pg.Pool
  client?: { close: () => void }
  connection?: { close: () => Promise<void> }
}

/**
 * Stops Payload and lets go of its database connections (Payload's destroy leaves them open).
 * The PostgreSQL adapter keeps one pooled client checked out for its whole life, so waiting for
 * the pool to drain would wait forever: both pools (Payload's and its statement pool) are told to
 * end, and errors from their last connections, cut when the process or database goes away, are
 * ignored.
 */
export async function closeDatabase(payload: Payload): Promise<void> {
  closeNativeSqlite(payload)
  const db = payload.db as unknown as Connections
  for (const pool of [db.pool, db.pool && statementPoolOf(db.pool)]) {
    if (!pool) continue
    pool.on('error', () => undefined)
    void pool.end().catch(() => undefined)
  }
  db.client?.close()
  if (db.clientConfig?.url) await closeWalSync(sqlitePath(db.clientConfig.url))
  await db.connection?.close()
  await payload.destroy()
}
