import type { Payload } from 'payload'

import type { NativeSqlite } from '../../db/nativeSqlite'
import { sqliteWriteTransaction } from '../../db/sqliteWriteTransaction'
import { acceptanceEntryPrefix } from '../../domain/receipt'
import { appendEntries } from '../ledger/appendEntries'
import { sqliteLedger } from '../ledger/sqliteLedger'
import type { AcceptanceRow, AcceptancesStore, Idempotency, StoredAcceptance } from './AcceptancesStore'
import { ENTRY_OF, EXISTING, IDEMPOTENCY, INSERT, entryFound, entryOf, insertParams, ledgerAppends, storedCovers } from './acceptanceSql'
import { findAcceptanceEntry } from './findAcceptanceEntry'
import { idempotencyRecord } from './idempotencyRecord'

/**
 * Inside a write transaction on Assent's own connection (`sqliteWriteTransaction`): stores each
 * acceptance not there yet (one per subject and version) with its ledger entry. Synchronous, so
 * nothing interleaves; an idempotency key already used makes it throw.
 */
function insertAcceptances(native: NativeSqlite, rows: readonly AcceptanceRow[], idempotency?: Idempotency): StoredAcceptance[] {
  const now = new Date().toISOString()
  const created: Array<AcceptanceRow & { id: number }> = []
  const result: StoredAcceptance[] = []
  const createdAt: number[] = []
  for (const row of rows) {
    const inserted = native.statement(INSERT).get(insertParams(row, now)) as { id: number } | undefined
    if (inserted) {
      createdAt.push(result.length)
      created.push({ ...row, id: Number(inserted.id) })
      result.push({ method: row.method, acceptedAt: row.acceptedAt, alreadyAccepted: false })
      continue
    }
    const existing = native.statement(EXISTING).get([row.subject, row.version]) as { id: number; method: string; acceptedAt: string; covers: unknown; createdAt: string }
    const entry = entryFound(native.statement(ENTRY_OF).get([existing.createdAt, `${acceptanceEntryPrefix(existing.id)}%`]) as Record<string, unknown> | undefined)
    result.push({ method: existing.method, acceptedAt: existing.acceptedAt, alreadyAccepted: true, covers: storedCovers(existing.covers), entry })
  }
  appendEntries(sqliteLedger(native), ledgerAppends(created), now).forEach((entry, i) => (result[createdAt[i]].entry = entryOf(entry)))
  if (idempotency) {
    const { status, body } = idempotency.answer(result)
    native.statement(IDEMPOTENCY).run([idempotency.key, idempotency.requestHash, status, JSON.stringify(body), now, now])
  }
  return result
}

/**
 * A SQLite file: acceptances are written synchronously on Assent's own connection (a Payload
 * transaction opens a new SQLite connection each time, which costs more than the whole write),
 * concurrent requests committed together (group commit), each in a savepoint of its own.
 */
export const sqliteFileAcceptances = (payload: Payload, native: NativeSqlite): AcceptancesStore => ({
  recordAcceptances: (rows, idempotency) => sqliteWriteTransaction(native, () => insertAcceptances(native, rows, idempotency)),
  idempotencyRecord: (key) => idempotencyRecord(payload, key),
  ledgerEntryOf: (acceptance, req) => findAcceptanceEntry(payload, acceptance, req),
})
