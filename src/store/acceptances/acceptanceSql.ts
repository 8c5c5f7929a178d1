import { acceptanceLedgerRecord } from '../../domain/ledgerRecords'
import type { ReceiptEntry } from '../../domain/receipt'
import type { LedgerAppend } from '../ledger/appendEntries'
import type { AcceptanceRow } from './AcceptancesStore'

// The statements of the grouped acceptance write, with `?` placeholders: one text for SQLite and
// PostgreSQL (`numberedPlaceholders` there).

export const INSERT = `insert into acceptances (subject_id, policy_id, version_id, version_number, method, source, content_hash, locale, accepted_at, ip, user_agent, idempotency_key, covers, updated_at, created_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (subject_id, version_id) do nothing returning id`
export const EXISTING = 'select id, method, accepted_at as "acceptedAt", covers, created_at as "createdAt" from acceptances where subject_id = ? and version_id = ?'
/** An acceptance's ledger entry: the first acceptance entry appended since the row was created
 * whose body starts with its id (the created_at index finds it without reading the ledger). */
export const ENTRY_OF = `select seq, body, leaf_hash as "leafHash" from ledger_entries
  where created_at >= ? and kind = 'acceptance' and body like ? order by created_at, seq limit 1`
export const IDEMPOTENCY = 'insert into idempotency_records (key, request_hash, status, response, updated_at, created_at) values (?, ?, ?, ?, ?, ?)'

export const insertParams = (row: AcceptanceRow, now: string) =>
  [row.subject, row.policy, row.version, row.versionNumber, row.method, row.source, row.contentHash, row.locale, row.acceptedAt, row.ip, row.userAgent, row.idempotencyKey, JSON.stringify(row.covers), now, now]

/** The ledger entries of new acceptances, as the acceptance collection's ledger hook would
 * append them. */
export const ledgerAppends = (created: ReadonlyArray<AcceptanceRow & { id: number }>): LedgerAppend[] =>
  created.map((row) => ({ kind: 'acceptance', record: acceptanceLedgerRecord(row) }))

export const entryOf = ({ seq, body, leafHash }: ReceiptEntry): ReceiptEntry => ({ seq, body, leafHash })
export const entryFound = (row: Record<string, unknown> | undefined): ReceiptEntry | undefined =>
  row ? { seq: Number(row.seq), body: String(row.body), leafHash: String(row.leafHash) } : undefined

/** A stored `covers` column (JSON text on SQLite, parsed elsewhere) as version numbers. */
export function storedCovers(value: unknown): number[] | undefined {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value
  return Array.isArray(parsed) && parsed.length > 0 ? parsed.map(Number) : undefined
}
