import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { entryLeafHash, ledgerBody, type LedgerKind } from '../../domain/ledgerBody'

/** Advisory lock key that serialises ledger appends across processes on PostgreSQL. */
const LEDGER_LOCK = 727274

interface SessionDb {
  sessions?: Record<string, { db: { execute: (query: unknown) => Promise<unknown> } }>
  name?: string
}

/**
 * Appends an entry to the ledger inside the caller's transaction (`req`), so the entry and the
 * record it describes commit together or not at all. Numbers have no gaps and no duplicates:
 * on PostgreSQL appenders queue on a transaction-scoped advisory lock (several processes may
 * write); SQLite allows one writer at a time; the unique index on `seq` backs both.
 */
export async function appendLedgerEntry(req: PayloadRequest, kind: LedgerKind, record: Record<string, unknown>): Promise<void> {
  const db = req.payload.db as unknown as SessionDb
  const transactionID = await req.transactionID
  if (db.name === 'postgres' && transactionID !== undefined) {
    await db.sessions?.[String(transactionID)]?.db.execute(sql`select pg_advisory_xact_lock(${LEDGER_LOCK})`)
  }
  const { docs } = await req.payload.find({ collection: 'ledger-entries', sort: '-seq', limit: 1, depth: 0, select: { seq: true }, req })
  const seq = (docs[0]?.seq ?? 0) + 1
  const recordedAt = new Date().toISOString()
  const body = ledgerBody(seq, kind, recordedAt, record)
  await req.payload.create({ collection: 'ledger-entries', data: { seq, kind, body, leafHash: entryLeafHash(body), recordedAt }, req })
}
