import type pg from 'pg'
import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { BEFORE_COMMIT, type TransactionState } from '../../db/pgWriteTransaction'
import type { SqlAdapter } from '../../db/sqlSession'
import type { Ledger, LedgerRow } from './appendEntries'
import { LEDGER_LOCK } from './ledgerLock'
import { sessionLedger } from './sessionLedger'

/** Two statements in one simple query: in READ COMMITTED, each takes its own snapshot, so the
 * second sees every entry committed before the first returned the lock. */
const LOCK_THEN_LAST_SEQ = `select pg_advisory_xact_lock(${LEDGER_LOCK}); select coalesce(max(seq), 0) as seq from ledger_entries`
/** Keys of what the writes of one `pgWriteTransaction` share: the last number handed out, and
 * the entries waiting for the commit. */
const SEQ = 'ledgerSeq'
const PENDING = 'ledgerRows'
/** Rows per INSERT: 8 parameters each, well under PostgreSQL's 65,535. */
const CHUNK = 1000

/** The entries appended in this `pgWriteTransaction` that still wait for its commit. */
export const pendingLedgerEntries = (state: TransactionState): readonly LedgerRow[] => (state.get(PENDING) as LedgerRow[] | undefined) ?? []

async function insertChunks(client: pg.PoolClient, rows: readonly LedgerRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK)
    const values = chunk.map((_, r) => `(${Array.from({ length: 8 }, (_, c) => `$${r * 8 + c + 1}`).join(', ')})`).join(', ')
    const params = chunk.flatMap((row) => [row.seq, row.kind, row.body, row.leafHash, row.subject, row.recordedAt, row.recordedAt, row.recordedAt])
    await client.query(`insert into ledger_entries (seq, kind, body, leaf_hash, subject, recorded_at, updated_at, created_at) values ${values}`, params)
  }
}

/**
 * PostgreSQL, inside a group transaction on `client` (`pgWriteTransaction`). Appenders in other
 * transactions and processes queue on a transaction-scoped advisory lock: it is taken and the
 * last number read once per transaction, the writes after that continue from `state`, and the
 * whole group's entries go in together just before the commit, so each write costs no statement
 * of its own for the ledger. Values in `state` are replaced, never changed in place, so a write
 * rolled back to its savepoint leaves them as it found them.
 */
export const postgresLedger = (client: pg.PoolClient, state: TransactionState): Ledger<false> => ({
  sync: false,
  lastSeq: async () => {
    if (!state.has(SEQ)) {
      // One round trip: the second statement reads under a snapshot taken after the lock is held.
      const [, last] = (await client.query(LOCK_THEN_LAST_SEQ)) as unknown as pg.QueryResult[]
      state.set(SEQ, Number(last.rows[0].seq))
    }
    return state.get(SEQ) as number
  },
  insert: async (rows) => {
    const pending = pendingLedgerEntries(state)
    if (pending.length === 0) {
      const steps = (state.get(BEFORE_COMMIT) as unknown[] | undefined) ?? []
      state.set(BEFORE_COMMIT, [...steps, () => insertChunks(client, pendingLedgerEntries(state))])
    }
    state.set(PENDING, [...pending, ...rows])
    state.set(SEQ, (state.get(SEQ) as number) + rows.length)
  },
})

/** PostgreSQL, inside the transaction of a Payload request: the same advisory lock, held until
 * that transaction ends (none is taken outside a transaction, where there is nothing to hold). */
export const postgresSessionLedger = (adapter: SqlAdapter, req: PayloadRequest): Ledger<false> =>
  sessionLedger(adapter, req, async (db) => {
    if ((await req.transactionID) !== undefined) await db.execute!(sql`select pg_advisory_xact_lock(${LEDGER_LOCK})`)
  })
