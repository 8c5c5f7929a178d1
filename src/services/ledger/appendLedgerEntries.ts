import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { insertRows } from '../../db/insertRows'
import { LEDGER_LOCK } from '../../db/ledgerLock'
import { sqlAdapter, sqlSession, type SqlAdapter, type SqlDb } from '../../db/sqlSession'
import { entryLeafHash, ledgerBody, type LedgerKind } from '../../domain/ledgerBody'


/** One record to enter the ledger. */
export interface LedgerAppend {
  kind: LedgerKind
  record: Record<string, unknown>
}

/**
 * Appends entries to the ledger inside the caller's transaction (`req`), so they and the records
 * they describe commit together or not at all. Numbers have no gaps and no duplicates: on
 * PostgreSQL appenders queue on a transaction-scoped advisory lock (several processes may write);
 * SQLite allows one writer at a time; the unique index on `seq` backs both. On SQL databases the
 * entries go in with multi-row inserts, so a publish that notifies 100,000 subjects stays fast.
 */
export async function appendLedgerEntries(req: PayloadRequest, entries: readonly LedgerAppend[]): Promise<void> {
  if (entries.length === 0) return
  const adapter = sqlAdapter(req.payload)
  const db = adapter ? await sqlSession(adapter, req) : undefined
  if (adapter?.name === 'postgres' && (await req.transactionID) !== undefined) {
    await db!.execute!(sql`select pg_advisory_xact_lock(${LEDGER_LOCK})`)
  }
  const first = (await lastSeq(req, adapter, db)) + 1
  const recordedAt = new Date().toISOString()
  const rows = entries.map(({ kind, record }, i) => {
    const body = ledgerBody(first + i, kind, recordedAt, record)
    return { seq: first + i, kind, body, leafHash: entryLeafHash(body), recordedAt }
  })
  if (!adapter || !db) {
    for (const data of rows) await req.payload.create({ collection: 'ledger-entries', data, req })
    return
  }
  await insertRows(db, adapter.tables.ledger_entries, rows.map((row) => ({ ...row, createdAt: recordedAt, updatedAt: recordedAt })))
}

/** The highest number in the ledger (0 when empty), read in the caller's transaction: on SQL a
 * plain max over the unique index on `seq`, elsewhere through the Local API. */
async function lastSeq(req: PayloadRequest, adapter: SqlAdapter | undefined, db: SqlDb | undefined): Promise<number> {
  if (adapter && db) {
    const t = adapter.tables.ledger_entries
    const [row] = await db.select({ seq: sql`max(${t.seq})` }).from(t as never)
    return Number(row?.seq ?? 0)
  }
  const { docs } = await req.payload.find({ collection: 'ledger-entries', sort: '-seq', limit: 1, pagination: false, depth: 0, select: { seq: true }, req })
  return docs[0]?.seq ?? 0
}
