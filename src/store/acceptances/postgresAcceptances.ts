import type pg from 'pg'
import type { Payload } from 'payload'

import { pgWriteTransaction, type TransactionState } from '../../db/pgWriteTransaction'
import { preparedStatement } from '../../db/preparedStatement'
import { isoTimestamp } from '../isoTimestamp'
import { acceptanceEntryPrefix } from '../../domain/receipt'
import { appendEntries } from '../ledger/appendEntries'
import { pendingLedgerEntries, postgresLedger } from '../ledger/postgresLedger'
import type { AcceptanceRow, AcceptancesStore, Idempotency, StoredAcceptance } from './AcceptancesStore'
import { ENTRY_OF, EXISTING, IDEMPOTENCY, INSERT, entryFound, entryOf, insertParams, ledgerAppends, storedCovers } from './acceptanceSql'
import { findAcceptanceEntry } from './findAcceptanceEntry'
import { idempotencyRecord } from './idempotencyRecord'

/** Inside a transaction on `client` (`pgWriteTransaction`): as on SQLite. The group's ledger
 * entries wait for its commit (`postgresLedger`), so a new acceptance costs one statement of its
 * own, prepared once per connection. */
async function insertAcceptances(client: pg.PoolClient, state: TransactionState, rows: readonly AcceptanceRow[], idempotency?: Idempotency): Promise<StoredAcceptance[]> {
  const run = async (text: string, params: unknown[]) => (await client.query({ ...preparedStatement(text), values: params })).rows
  const now = new Date().toISOString()
  const created: Array<AcceptanceRow & { id: number }> = []
  const result: StoredAcceptance[] = []
  const createdAt: number[] = []
  for (const row of rows) {
    const [inserted] = await run(INSERT, insertParams(row, now))
    if (inserted) {
      createdAt.push(result.length)
      created.push({ ...row, id: Number(inserted.id) })
      result.push({ method: row.method, acceptedAt: row.acceptedAt, alreadyAccepted: false })
      continue
    }
    const [existing] = await run(EXISTING, [row.subject, row.version])
    const prefix = acceptanceEntryPrefix(Number(existing.id))
    // Written earlier in this very transaction, its entry still waits for the commit.
    const pending = pendingLedgerEntries(state).find((entry) => entry.body.startsWith(prefix))
    const entry = pending ? entryOf(pending) : entryFound((await run(ENTRY_OF, [existing.createdAt, `${prefix}%`]))[0])
    result.push({ method: String(existing.method), acceptedAt: String(isoTimestamp(existing.acceptedAt)), alreadyAccepted: true, covers: storedCovers(existing.covers), entry })
  }
  const entries = await appendEntries(postgresLedger(client, state), ledgerAppends(created), now)
  entries.forEach((entry, i) => (result[createdAt[i]].entry = entryOf(entry)))
  if (idempotency) {
    const { status, body } = idempotency.answer(result)
    await run(IDEMPOTENCY, [idempotency.key, idempotency.requestHash, status, JSON.stringify(body), now, now])
  }
  return result
}

/**
 * PostgreSQL: acceptances are written on a connection of Payload's pool, concurrent requests
 * committed together (group commit). A write under an idempotency key runs in a savepoint, so a
 * key already taken refuses it alone.
 */
export const postgresAcceptances = (payload: Payload, pool: pg.Pool): AcceptancesStore => ({
  recordAcceptances: (rows, idempotency) =>
    pgWriteTransaction(pool, (client, state) => insertAcceptances(client, state, rows, idempotency), { isolate: idempotency !== undefined }),
  idempotencyRecord: (key) => idempotencyRecord(payload, key),
  ledgerEntryOf: (acceptance, req) => findAcceptanceEntry(payload, acceptance, req),
})
