import type pg from 'pg'
import type { Payload } from 'payload'

import { pgWriteTransaction, type TransactionState } from '../../db/pgWriteTransaction'
import { preparedStatement } from '../../db/preparedStatement'
import { readBatches } from '../../db/readBatches'
import { isoTimestamp } from '../isoTimestamp'
import { acceptanceEntryPrefix } from '../../domain/receipt'
import { appendEntries } from '../ledger/appendEntries'
import { pendingLedgerEntries, postgresLedger } from '../ledger/postgresLedger'
import type { AcceptanceRow, AcceptancesStore, Idempotency, StoredAcceptance } from './AcceptancesStore'
import { ENTRY_OF, EXISTING, IDEMPOTENCY, entryFound, entryOf, ledgerAppends, storedCovers } from './acceptanceSql'
import { findAcceptanceEntry } from './findAcceptanceEntry'
import { idempotencyRecord } from './idempotencyRecord'

/** PostgreSQL: many acceptances in one statement. They travel as one JSON array of rows named as
 * the table's columns, which `json_populate_recordset` reads with the columns' own types (enums,
 * timestamps, jsonb): one text, planned once, whatever the count. Rows come back by subject and
 * version; a row already there (or twice in the array) comes back once at most. */
const INSERT_MANY = `insert into acceptances (subject_id, policy_id, version_id, version_number, method, source, content_hash, locale, accepted_at, ip, user_agent, idempotency_key, covers, updated_at, created_at)
  select subject_id, policy_id, version_id, version_number, method, source, content_hash, locale, accepted_at, ip, user_agent, idempotency_key, covers, updated_at, created_at
  from json_populate_recordset(null::acceptances, ?::json)
  on conflict (subject_id, version_id) do nothing returning id, subject_id as "subject", version_id as "version"`

const columnsOf = (row: AcceptanceRow, now: string) => ({
  subject_id: row.subject, policy_id: row.policy, version_id: row.version, version_number: row.versionNumber,
  method: row.method, source: row.source, content_hash: row.contentHash, locale: row.locale, accepted_at: row.acceptedAt,
  ip: row.ip, user_agent: row.userAgent, idempotency_key: row.idempotencyKey, covers: row.covers, updated_at: now, created_at: now,
})

const rowKey = (subject: unknown, version: unknown) => `${subject}/${version}`

/** Inside a transaction on `client` (`pgWriteTransaction`): as on SQLite, in order, the rows of
 * one statement (`INSERT_MANY`). The group's ledger entries wait for its commit (`postgresLedger`).
 * A row already there, or a second row for the same subject and version, answers the record there
 * (written earlier in this very transaction, its entry is still among those waiting). */
async function insertAcceptances(client: pg.PoolClient, state: TransactionState, rows: readonly AcceptanceRow[], idempotency?: Idempotency): Promise<StoredAcceptance[]> {
  const run = async (text: string, params: unknown[]) => (await client.query({ ...preparedStatement(text), values: params })).rows
  const now = new Date().toISOString()
  const ids = new Map<string, number>()
  for (const inserted of await run(INSERT_MANY, [JSON.stringify(rows.map((row) => columnsOf(row, now)))])) ids.set(rowKey(inserted.subject, inserted.version), Number(inserted.id))
  const created: Array<AcceptanceRow & { id: number }> = []
  const createdAt: number[] = []
  const result: Array<StoredAcceptance | undefined> = rows.map((row, i) => {
    const id = ids.get(rowKey(row.subject, row.version))
    if (id === undefined) return undefined
    ids.delete(rowKey(row.subject, row.version)) // the first row of a pair is the one stored
    createdAt.push(i)
    created.push({ ...row, id })
    return { method: row.method, acceptedAt: row.acceptedAt, alreadyAccepted: false }
  })
  const entries = await appendEntries(postgresLedger(client, state), ledgerAppends(created), now)
  entries.forEach((entry, i) => (result[createdAt[i]]!.entry = entryOf(entry)))
  for (const [i, row] of rows.entries()) {
    if (result[i]) continue
    const [existing] = await run(EXISTING, [row.subject, row.version])
    const prefix = acceptanceEntryPrefix(Number(existing.id))
    const pending = pendingLedgerEntries(state).find((entry) => entry.body.startsWith(prefix))
    const entry = pending ? entryOf(pending) : entryFound((await run(ENTRY_OF, [existing.createdAt, `${prefix}%`]))[0])
    result[i] = { method: String(existing.method), acceptedAt: String(isoTimestamp(existing.acceptedAt)), alreadyAccepted: true, covers: storedCovers(existing.covers), entry }
  }
  const stored = result as StoredAcceptance[]
  if (idempotency) {
    const { status, body } = idempotency.answer(stored)
    await run(IDEMPOTENCY, [idempotency.key, idempotency.requestHash, status, JSON.stringify(body), now, now])
  }
  return stored
}

/** The writes of many requests as one: their rows in one statement, each given its own answers. */
async function insertRequests(client: pg.PoolClient, state: TransactionState, requests: ReadonlyArray<readonly AcceptanceRow[]>): Promise<StoredAcceptance[][]> {
  const stored = await insertAcceptances(client, state, requests.flat())
  let from = 0
  return requests.map((rows) => stored.slice(from, (from += rows.length)))
}

/**
 * PostgreSQL: acceptances are written on a connection of Payload's pool, concurrent requests
 * committed together (group commit). The requests without an idempotency key made at once go in
 * one statement (`readBatches`: a round trip each, one after another on the transaction's
 * connection, was what bounded the rate), one batch at a time, so the next gathers every request
 * made while one is written (with a second batch queued behind the first, 64 connections made
 * about 21 rows a transaction; one at a time, 31). A write that fails is rolled back alone
 * (`pgWriteTransaction`'s savepoints): a batch that fails is written again request by request, so
 * one request's rows never fail another's, and a write under an idempotency key already taken is
 * refused alone.
 */
export function postgresAcceptances(payload: Payload, pool: pg.Pool): AcceptancesStore {
  const alone = (rows: readonly AcceptanceRow[], idempotency?: Idempotency) =>
    pgWriteTransaction(pool, (client, state) => insertAcceptances(client, state, rows, idempotency))
  const batched = readBatches<readonly AcceptanceRow[], StoredAcceptance[]>(
    (requests) => pgWriteTransaction(pool, (client, state) => insertRequests(client, state, requests)),
    (rows) => alone(rows),
    { inFlight: 1 },
  )
  return {
    recordAcceptances: (rows, idempotency) => (idempotency ? alone(rows, idempotency) : batched(rows)),
    idempotencyRecord: (key) => idempotencyRecord(payload, key),
    ledgerEntryOf: (acceptance, req) => findAcceptanceEntry(payload, acceptance, req),
  }
}
