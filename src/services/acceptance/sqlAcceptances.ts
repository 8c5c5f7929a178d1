import type pg from 'pg'

import { numberedPlaceholders } from '../../db/directQuery'
import type { NativeSqlite } from '../../db/nativeSqlite'
import type { TransactionState } from '../../db/pgWriteTransaction'
import { isoTimestamp } from '../../domain/isoTimestamp'
import { acceptanceLedgerRecord } from '../../domain/ledgerRecords'
import { acceptanceEntryPrefix, type ReceiptEntry } from '../../domain/receipt'
import { appendEntries, type LedgerAppend } from '../../store/ledger/appendEntries'
import { pendingLedgerEntries, postgresLedger } from '../../store/ledger/postgresLedger'
import { sqliteLedger } from '../../store/ledger/sqliteLedger'

/** One acceptance to store, as the acceptances table holds it. */
export interface AcceptanceRow {
  subject: number
  policy: number
  version: number
  versionNumber: number
  method: string
  source: string
  contentHash: string
  locale: string | null
  acceptedAt: string
  ip: string | null
  userAgent: string | null
  idempotencyKey: string | null
  /** The version numbers it covers (see `acceptanceCovers`). */
  covers: number[]
}

/** What is stored for a version after the insert: the new record, or the one already there,
 * with the ledger entry that records it (for its receipt; none only if the ledger lacks it). */
export interface StoredAcceptance {
  method: string
  acceptedAt: string
  alreadyAccepted: boolean
  /** For one already there: what it covers (undefined when recorded before Assent kept it). */
  covers?: number[]
  entry?: ReceiptEntry
}

/** A stored `covers` column (JSON text on SQLite, parsed elsewhere) as version numbers. */
export function storedCovers(value: unknown): number[] | undefined {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value
  return Array.isArray(parsed) && parsed.length > 0 ? parsed.map(Number) : undefined
}

/** An idempotency key, and the answer to keep under it once the acceptances are stored. */
export interface Idempotency {
  key: string
  requestHash: string
  answer: (stored: StoredAcceptance[]) => { status: number; body: unknown }
}

const INSERT = `insert into acceptances (subject_id, policy_id, version_id, version_number, method, source, content_hash, locale, accepted_at, ip, user_agent, idempotency_key, covers, updated_at, created_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (subject_id, version_id) do nothing returning id`
const EXISTING = 'select id, method, accepted_at as "acceptedAt", covers, created_at as "createdAt" from acceptances where subject_id = ? and version_id = ?'
/** An acceptance's ledger entry: the first acceptance entry appended since the row was created
 * whose body starts with its id (the created_at index finds it without reading the ledger). */
const ENTRY_OF = `select seq, body, leaf_hash as "leafHash" from ledger_entries
  where created_at >= ? and kind = 'acceptance' and body like ? order by created_at, seq limit 1`
const IDEMPOTENCY = 'insert into idempotency_records (key, request_hash, status, response, updated_at, created_at) values (?, ?, ?, ?, ?, ?)'

const insertParams = (row: AcceptanceRow, now: string) =>
  [row.subject, row.policy, row.version, row.versionNumber, row.method, row.source, row.contentHash, row.locale, row.acceptedAt, row.ip, row.userAgent, row.idempotencyKey, JSON.stringify(row.covers), now, now]

/** The ledger entries of new acceptances, as the acceptance collection's ledger hook would
 * append them. */
const ledgerAppends = (created: ReadonlyArray<AcceptanceRow & { id: number }>): LedgerAppend[] =>
  created.map((row) => ({ kind: 'acceptance', record: acceptanceLedgerRecord(row) }))

const entryOf = ({ seq, body, leafHash }: ReceiptEntry): ReceiptEntry => ({ seq, body, leafHash })
const entryFound = (row: Record<string, unknown> | undefined): ReceiptEntry | undefined =>
  row ? { seq: Number(row.seq), body: String(row.body), leafHash: String(row.leafHash) } : undefined

/**
 * SQLite, inside a write transaction on Assent's own connection (`sqliteWriteTransaction`):
 * stores each acceptance not there yet (one per subject and version) with its ledger entry.
 * Synchronous, so nothing interleaves; an idempotency key already used makes it throw.
 */
export function insertAcceptancesSqlite(native: NativeSqlite, rows: readonly AcceptanceRow[], idempotency?: Idempotency): StoredAcceptance[] {
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

/** PostgreSQL, inside a transaction on `client` (`pgWriteTransaction`): the same. The group's
 * ledger entries wait for its commit (`postgresLedger`), so a new acceptance costs one statement
 * of its own. */
export async function insertAcceptancesPostgres(client: pg.PoolClient, state: TransactionState, rows: readonly AcceptanceRow[], idempotency?: Idempotency): Promise<StoredAcceptance[]> {
  const run = async (text: string, params: unknown[]) => (await client.query(numberedPlaceholders(text), params)).rows
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
