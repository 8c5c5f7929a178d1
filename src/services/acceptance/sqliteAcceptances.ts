import type { NativeSqlite } from '../../db/leanQuery'
import { entryLeafHash, ledgerBody } from '../../domain/ledgerBody'
import { acceptanceLedgerRecord } from '../../domain/ledgerRecords'

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
}

/** What is stored for a version after the insert: the new record, or the one already there. */
export interface StoredAcceptance {
  method: string
  acceptedAt: string
  alreadyAccepted: boolean
}

const INSERT = `insert into acceptances (subject_id, policy_id, version_id, version_number, method, source, content_hash, locale, accepted_at, ip, user_agent, idempotency_key, updated_at, created_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (subject_id, version_id) do nothing returning id`
const EXISTING = 'select method, accepted_at as "acceptedAt" from acceptances where subject_id = ? and version_id = ?'
const LAST_SEQ = 'select coalesce(max(seq), 0) as seq from ledger_entries'
const LEDGER = 'insert into ledger_entries (seq, kind, body, leaf_hash, recorded_at, updated_at, created_at) values (?, ?, ?, ?, ?, ?, ?)'

/**
 * Inside a write transaction on Assent's own SQLite connection: stores each acceptance that is not
 * there yet (one per subject and version) with its ledger entry, numbered after the last one, as
 * the acceptance collection's ledger hook would. Synchronous: call it from `sqliteWriteTransaction`.
 */
export function insertAcceptances(native: NativeSqlite, rows: readonly AcceptanceRow[]): StoredAcceptance[] {
  const now = new Date().toISOString()
  const created: Array<AcceptanceRow & { id: number }> = []
  const stored = rows.map((row) => {
    const inserted = native.statement(INSERT).get(row.subject, row.policy, row.version, row.versionNumber, row.method, row.source, row.contentHash, row.locale, row.acceptedAt, row.ip, row.userAgent, row.idempotencyKey, now, now) as { id: number } | undefined
    if (inserted) {
      created.push({ ...row, id: Number(inserted.id) })
      return { method: row.method, acceptedAt: row.acceptedAt, alreadyAccepted: false }
    }
    const existing = native.statement(EXISTING).get(row.subject, row.version) as { method: string; acceptedAt: string }
    return { method: existing.method, acceptedAt: existing.acceptedAt, alreadyAccepted: true }
  })
  let seq = Number((native.statement(LAST_SEQ).get() as { seq: number }).seq)
  for (const row of created) {
    const body = ledgerBody(++seq, 'acceptance', now, acceptanceLedgerRecord(row))
    native.statement(LEDGER).run(seq, 'acceptance', body, entryLeafHash(body), now, now, now)
  }
  return stored
}

/** Inside the same transaction: the answer kept under an idempotency key (unique: a concurrent
 * request with the same key makes this throw, and the caller replays the winner's answer). */
export function insertIdempotencyRecord(native: NativeSqlite, key: string, requestHash: string, status: number, response: unknown): void {
  const now = new Date().toISOString()
  native.statement('insert into idempotency_records (key, request_hash, status, response, updated_at, created_at) values (?, ?, ?, ?, ?, ?)').run(key, requestHash, status, JSON.stringify(response), now, now)
}
