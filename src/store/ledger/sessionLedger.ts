import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { insertRows } from '../../db/insertRows'
import { sqlSession, type SqlAdapter, type SqlDb } from '../../db/sqlSession'
import type { Ledger } from './appendEntries'

/**
 * The ledger inside the transaction of a Payload request on a SQL database, through Payload's
 * own session: the last number is a plain max over the unique index on `seq`, read after `lock`;
 * entries go in with multi-row inserts, so a publish that notifies 100,000 subjects stays fast.
 */
export function sessionLedger(adapter: SqlAdapter, req: PayloadRequest, lock?: (db: SqlDb) => Promise<void>): Ledger<false> {
  const table = adapter.tables.ledger_entries
  return {
    sync: false,
    lastSeq: async () => {
      const db = await sqlSession(adapter, req)
      await lock?.(db)
      const [row] = await db.select({ seq: sql`max(${table.seq})` }).from(table as never)
      return Number(row?.seq ?? 0)
    },
    insert: async (rows) => {
      const stamped = rows.map((row) => ({ ...row, createdAt: row.recordedAt, updatedAt: row.recordedAt }))
      await insertRows(await sqlSession(adapter, req), table, stamped, { on: adapter.name })
    },
  }
}
