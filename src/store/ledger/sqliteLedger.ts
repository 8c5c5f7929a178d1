import type { PayloadRequest } from 'payload'

import type { NativeSqlite } from '../../db/nativeSqlite'
import type { SqlAdapter } from '../../db/sqlSession'
import type { Ledger } from './appendEntries'
import { sessionLedger } from './sessionLedger'

const LAST_SEQ = 'select coalesce(max(seq), 0) as seq from ledger_entries'
const INSERT = 'insert into ledger_entries (seq, kind, body, leaf_hash, subject, recorded_at, updated_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)'

/**
 * SQLite, inside a write transaction on Assent's own connection (`sqliteWriteTransaction`).
 * SQLite lets one connection write at a time, so the transaction already excludes every other
 * appender; the unique index on `seq` backs it. Synchronous, with statements prepared once.
 */
export const sqliteLedger = (native: NativeSqlite): Ledger<true> => ({
  sync: true,
  lastSeq: () => Number((native.statement(LAST_SEQ).get([]) as { seq: number }).seq),
  insert: (rows) => {
    for (const row of rows) native.statement(INSERT).run([row.seq, row.kind, row.body, row.leafHash, row.subject, row.recordedAt, row.recordedAt, row.recordedAt])
  },
})

/** SQLite, inside the transaction of a Payload request: one writer at a time, as above. */
export const sqliteSessionLedger = (adapter: SqlAdapter, req: PayloadRequest): Ledger<false> => sessionLedger(adapter, req)
