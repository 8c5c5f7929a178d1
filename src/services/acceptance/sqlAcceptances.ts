import type pg from 'pg'

import { numberedPlaceholders } from '../../db/directQuery'
import type { NativeSqlite } from '../../db/nativeSqlite'
import { LEDGER_LOCK } from '../../db/ledgerLock'
import { BEFORE_COMMIT, type TransactionState } from '../../db/pgWriteTransaction'
import { isoTimestamp } from '../../domain/isoTimestamp'
import { entryLeafHash, ledgerBody } from '../../domain/ledgerBody'
import { acceptanceLedgerRecord } from '../../domain/ledgerRecords'
import { acceptanceEntryPrefix, type ReceiptEntry } from '../../domain/receipt'

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
const LAST_SEQ = 'select coalesce(max(seq), 0) as seq from ledger_entries'
const LEDGER = 'insert into ledger_entries (seq, kind, body, leaf_hash, recorded_at, updated_at, created_at) values (?, ?, ?, ?, ?, ?, ?)'
const IDEMPOTENCY = 'insert into idempotency_records (key, request_hash, status, response, updated_at, created_at) values (?, ?, ?, ?, ?, ?)'

const insertParams = (row: AcceptanceRow, now: string) =>
  [row.subject, row.policy, row.version, row.versionNumber, row.method, row.source, row.contentHash, row.locale, row.acceptedAt, row.ip, row.userAgent, row.idempotencyKey, JSON.stringify(row.covers), now, now]

/** The ledger rows of new acceptances, numbered after `lastSeq`, as the acceptance collection's
 * ledger hook would write them. */
function ledgerRows(created: ReadonlyArray<AcceptanceRow & { id: number }>, lastSeq: number, now: string): unknown[][] {
  return created.map((row, i) => {
    const body = ledgerBody(lastSeq + 1 + i, 'acceptance', now, acceptanceLedgerRecord(row))
    return [lastSeq + 1 + i, 'acceptance', body, entryLeafHash(body), now, now, now]
  })
}

const entryOf = (ledgerRow: unknown[]): ReceiptEntry => ({ seq: ledgerRow[0] as number, body: ledgerRow[2] as string, leafHash: ledgerRow[3] as string })
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
  const lastSeq = Number((native.statement(LAST_SEQ).get([]) as { seq: number }).seq)
  ledgerRows(created, lastSeq, now).forEach((params, i) => {
    native.statement(LEDGER).run(params)
    result[createdAt[i]].entry = entryOf(params)
  })
  if (idempotency) {
    const { status, body } = idempotency.answer(result)
    native.statement(IDEMPOTENCY).run([idempotency.key, idempotency.requestHash, status, JSON.stringify(body), now, now])
  }
  return result
}

async function insertLedgerRows(client: pg.PoolClient, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000)
    const values = chunk.map((_, r) => `(${Array.from({ length: 7 }, (_, c) => `$${r * 7 + c + 1}`).join(', ')})`).join(', ')
    await client.query(`insert into ledger_entries (seq, kind, body, leaf_hash, recorded_at, updated_at, created_at) values ${values}`, chunk.flat())
  }
}

/** PostgreSQL, inside a transaction on `client` (`pgWriteTransaction`): the same. The ledger lock
 * is taken and the last number read once per transaction; the writes after that continue from
 * `state`, and the group's ledger entries are inserted together before the commit, so a new
 * acceptance costs one statement of its own. */
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
    const pending = ((state.get('ledgerRows') as unknown[][] | undefined) ?? []).find((r) => (r[2] as string).startsWith(prefix))
    const entry = pending ? entryOf(pending) : entryFound((await run(ENTRY_OF, [existing.createdAt, `${prefix}%`]))[0])
    result.push({ method: String(existing.method), acceptedAt: String(isoTimestamp(existing.acceptedAt)), alreadyAccepted: true, covers: storedCovers(existing.covers), entry })
  }
  if (created.length > 0) {
    if (!state.has('ledgerSeq')) {
      await client.query('select pg_advisory_xact_lock($1)', [LEDGER_LOCK])
      state.set('ledgerSeq', Number((await run(LAST_SEQ, []))[0].seq))
    }
    const entries = ledgerRows(created, state.get('ledgerSeq') as number, now)
    entries.forEach((params, i) => (result[createdAt[i]].entry = entryOf(params)))
    state.set('ledgerSeq', (state.get('ledgerSeq') as number) + entries.length)
    // The whole group's entries go in with one statement just before the commit.
    const pending = (state.get('ledgerRows') as unknown[][] | undefined) ?? []
    if (pending.length === 0) state.set(BEFORE_COMMIT, [...((state.get(BEFORE_COMMIT) as unknown[]) ?? []), () => insertLedgerRows(client, state.get('ledgerRows') as unknown[][])])
    state.set('ledgerRows', [...pending, ...entries])
  }
  if (idempotency) {
    const { status, body } = idempotency.answer(result)
    await run(IDEMPOTENCY, [idempotency.key, idempotency.requestHash, status, JSON.stringify(body), now, now])
  }
  return result
}
