import type { RowQuery } from '../../db/directQuery'
import type { ExportFilter } from '../../domain/exportFilter'
import { isoTimestamp } from '../isoTimestamp'
import type { AssentError } from '../../errors/AssentError'
import { CsvChunk, type ExportRow } from './exportRow'
import { sqlCsvLine, type CellKind, type SqlDialect } from './sqlCsvLine'

/** Rows per page: memory stays flat however many rows there are. */
const PAGE = 5000

const SELECT = {
  acceptances: `select r.id, s.external_id as subject, p.slug as policy, r.version_number as version, r.content_hash as "contentHash", r.method, r.source,
    r.accepted_at as "acceptedAt", r.locale, r.ip, r.user_agent as "userAgent", r.notices`,
  notices: `select r.id, s.external_id as subject, p.slug as policy, r.version_number as version, r.channel, r.status, r.created_at as "createdAt",
    r.reached_at as "reachedAt", r.dismissed_at as "dismissedAt", r.attempts, r.message_id as "messageId", r.message_hash as "messageHash",
    r.last_reply as "lastReply", r.address`,
}

/** The export's columns (in `exportColumns` order) as SQL, and how each becomes a cell. */
const CSV_COLUMNS: Record<ExportFilter['type'], ReadonlyArray<readonly [string, CellKind]>> = {
  acceptances: [['r.id', 'number'], ['s.external_id', 'text'], ['p.slug', 'text'], ['r.version_number', 'number'], ['r.content_hash', 'text'], ['r.method', 'text'], ['r.source', 'text'],
    ['r.accepted_at', 'date'], ['r.locale', 'text'], ['r.ip', 'text'], ['r.user_agent', 'text'], ['r.notices', 'noticeIds']],
  notices: [['r.id', 'number'], ['s.external_id', 'text'], ['p.slug', 'text'], ['r.version_number', 'number'], ['r.channel', 'text'], ['r.status', 'text'], ['r.created_at', 'date'],
    ['r.reached_at', 'date'], ['r.dismissed_at', 'date'], ['r.attempts', 'number'], ['r.message_id', 'text'], ['r.message_hash', 'text'], ['r.last_reply', 'text'], ['r.address', 'text']],
}

/**
 * The same export as CSV records the database formats itself (`sqlCsvLine`), a page at a time:
 * byte for byte what `sqlExportRows` and `writeExport` write, without a JavaScript object per row.
 * Refuses an unknown policy (400) or subject (404) before the first page.
 */
export async function* sqlCsvChunks(query: RowQuery, dialect: SqlDialect, filter: ExportFilter): AsyncGenerator<CsvChunk> {
  const { clause, params } = await whereOf(query, filter)
  const sql = `select r.id as id, ${sqlCsvLine(dialect, CSV_COLUMNS[filter.type])} as line
    from ${filter.type} r join subjects s on s.id = r.subject_id join policies p on p.id = r.policy_id
    where r.id > ? and ${clause} order by r.id limit ${PAGE}`
  let after = 0
  for (;;) {
    const rows = await query(sql, [after, ...params])
    if (rows.length > 0) yield new CsvChunk(rows.map((r) => r.line as string).join(''), rows.length)
    if (rows.length < PAGE) return
    after = Number(rows.at(-1)!.id)
  }
}

/**
 * A refusal of a filter. AssentError is loaded only to refuse: it extends Payload's APIError, and
 * loading Payload would cost the export CLI a second of CPU and ~90 MB before its first row.
 */
async function refusal(...args: ConstructorParameters<typeof AssentError>): Promise<AssentError> {
  return new (await import('../../errors/AssentError')).AssentError(...args)
}

/** The `where` of a filter (with `?` placeholders), after checking that its policy and subject exist. */
async function whereOf(query: RowQuery, filter: ExportFilter): Promise<{ clause: string; params: unknown[] }> {
  const parts: string[] = []
  const params: unknown[] = []
  const dateColumn = filter.type === 'acceptances' ? 'r.accepted_at' : 'r.created_at'
  if (filter.policy) {
    const [policy] = await query('select id from policies where slug = ?', [filter.policy])
    if (!policy) throw await refusal('validation_failed', `policy: there is no policy "${filter.policy}".`, { fields: [{ field: 'policy', message: 'unknown policy' }] })
    parts.push('r.policy_id = ?')
    params.push(policy.id)
  }
  if (filter.version) parts.push('r.version_number = ?') && params.push(filter.version)
  if (filter.from) parts.push(`${dateColumn} >= ?`) && params.push(new Date(filter.from).toISOString())
  if (filter.to) parts.push(`${dateColumn} < ?`) && params.push(new Date(filter.to).toISOString())
  if (filter.subject) {
    const [subject] = await query('select id from subjects where external_id = ?', [filter.subject])
    if (!subject) throw await refusal('subject_not_found', `No subject "${filter.subject}".`)
    parts.push('r.subject_id = ?')
    params.push(subject.id)
  }
  return { clause: parts.length ? parts.join(' and ') : '1 = 1', params }
}

/** How many rows a filter selects (for progress). */
export async function countSqlExport(query: RowQuery, filter: ExportFilter): Promise<number> {
  const { clause, params } = await whereOf(query, filter)
  const [row] = await query(`select count(*) as n from ${filter.type} r where ${clause}`, params)
  return Number(row?.n ?? 0)
}

const iso = (value: unknown) => isoTimestamp(value) ?? null
const noticeIds = (value: unknown) => {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value
  return Array.isArray(list) ? list.map((n) => (n as { id: unknown }).id).join(' ') : ''
}

/**
 * The rows of an export straight from SQL (SQLite or PostgreSQL), with subject external ids and
 * policy slugs joined in, page by page in id order (keyset: each page starts after the last id of
 * the one before). Refuses an unknown policy (400) or subject (404) before the first row.
 */
export async function* sqlExportRows(query: RowQuery, filter: ExportFilter): AsyncGenerator<ExportRow> {
  const { clause, params } = await whereOf(query, filter)
  const sql = `${SELECT[filter.type]} from ${filter.type} r join subjects s on s.id = r.subject_id join policies p on p.id = r.policy_id
    where r.id > ? and ${clause} order by r.id limit ${PAGE}`
  let after = 0
  for (;;) {
    const rows = await query(sql, [after, ...params])
    for (const row of rows) {
      const out: ExportRow = { ...row, id: Number(row.id), version: Number(row.version) }
      for (const key of ['acceptedAt', 'createdAt', 'reachedAt', 'dismissedAt']) if (key in out) out[key] = iso(out[key])
      if (filter.type === 'acceptances') out.notices = noticeIds(row.notices)
      else out.attempts = row.attempts === null ? null : Number(row.attempts)
      yield out
    }
    if (rows.length < PAGE) return
    after = Number(rows.at(-1)!.id)
  }
}
