import type { CellQuery, RowQuery } from '../../db/directQuery'
import type { ExportFilter } from '../../domain/exportFilter'
import { isoTimestamp } from '../isoTimestamp'
import type { AssentError } from '../../errors/AssentError'
import { JoinedPage, exportColumns, type ExportRow } from './exportRow'
import { sqlCellText, type CellKind, type SqlDialect } from './sqlCellText'

/** Rows per page of `sqlExportRows`: memory stays flat however many rows there are. */
const PAGE = 5000
/**
 * Rows per page of `sqlJoinedPages`, by database. On SQLite a joined page of 600 rows of about
 * 180 bytes stays under V8's large-object size (128 KB): each text over it is mapped afresh and
 * unmapped once collected, and each copy of a page (SQLite's, the driver's, the one posted between
 * threads, the CSV's bytes) touched new memory. A million-row SQLite export took 336,607 page
 * faults and 4.8 to 4.9 s (2.6 to 2.8 s of it in the kernel) in pages of 5,000 rows, 210,000 and
 * 4.3 to 4.4 s in pages of 1,000, 35,000 and 2.6 to 2.7 s in pages of 600 (alternated). On
 * PostgreSQL each page is a round trip and a query: a 2,000,000-row export took 14.8 to 18.2 s in
 * five runs in pages of 600 against 17.1 to 18.9 in five of 5,000, but the benchmark's
 * 1,000,000-row export took 9.3 s twice in pages of 600 against 7.4 s in its full run before, so
 * PostgreSQL keeps pages of 5,000. (The export command reads PostgreSQL from one COPY instead,
 * `copyJoinedPages`; the audit route, on Payload's pool, reads these pages.)
 */
export const JOINED_PAGE_ROWS: Record<SqlDialect, number> = { sqlite: 600, postgres: 5000 }

const SELECT = {
  acceptances: `select r.id, s.external_id as subject, p.slug as policy, r.version_number as version, r.content_hash as "contentHash", r.method, r.source,
    r.accepted_at as "acceptedAt", r.locale, r.ip, r.user_agent as "userAgent", r.notices`,
  notices: `select r.id, s.external_id as subject, p.slug as policy, r.version_number as version, r.channel, r.status, r.created_at as "createdAt",
    r.reached_at as "reachedAt", r.dismissed_at as "dismissedAt", r.attempts, r.message_id as "messageId", r.message_hash as "messageHash",
    r.last_reply as "lastReply", r.address`,
}

/** Each column of an export (`exportColumns`) as SQL, and how it becomes a cell: every column
 * named once, checked by the type. */
const CELLS: { [T in ExportFilter['type']]: Record<(typeof exportColumns)[T][number], readonly [string, CellKind]> } = {
  acceptances: {
    id: ['r.id', 'number'], subject: ['s.external_id', 'text'], policy: ['p.slug', 'text'], version: ['r.version_number', 'number'], contentHash: ['r.content_hash', 'text'],
    method: ['r.method', 'text'], source: ['r.source', 'text'], acceptedAt: ['r.accepted_at', 'date'], locale: ['r.locale', 'text'], ip: ['r.ip', 'text'], userAgent: ['r.user_agent', 'text'],
    notices: ['r.notices', 'noticeIds'],
  },
  notices: {
    id: ['r.id', 'number'], subject: ['s.external_id', 'text'], policy: ['p.slug', 'text'], version: ['r.version_number', 'number'], channel: ['r.channel', 'text'],
    status: ['r.status', 'text'], createdAt: ['r.created_at', 'date'], reachedAt: ['r.reached_at', 'date'], dismissedAt: ['r.dismissed_at', 'date'], attempts: ['r.attempts', 'number'],
    messageId: ['r.message_id', 'text'], messageHash: ['r.message_hash', 'text'], lastReply: ['r.last_reply', 'text'], address: ['r.address', 'text'],
  },
}

/** How a CSV export reads its rows as text (`JoinedPage`): each row's cells as the text
 * `sqlExportRows` gives them (`sqlCellText`), in the order of `exportColumns` (`texts`), and
 * joined by the unit separator, a null one empty (`line`); the tables it joins (`from`); its filter (`clause`, with
 * `?` placeholders, and `params`); and a query of the same rows cell by cell, those with an id
 * after the first parameter and up to the second (`cellsBetween`). Refuses an unknown policy (400)
 * or subject (404). */
export async function joinedRowSql(query: RowQuery, dialect: SqlDialect, filter: ExportFilter) {
  const { clause, params } = await whereOf(query, filter)
  // In the order of `exportColumns`, which `writeExport` writes the cells in.
  const sqlOf = CELLS[filter.type] as Record<string, readonly [string, CellKind]>
  const texts = exportColumns[filter.type].map((column) => sqlCellText(dialect, sqlOf[column][0], sqlOf[column][1]))
  const from = `from ${filter.type} r join subjects s on s.id = r.subject_id join policies p on p.id = r.policy_id`
  const cellSeparator = dialect === 'sqlite' ? 'char(31)' : 'chr(31)'
  const line = texts.map((text) => `coalesce(${text}, '')`).join(` || ${cellSeparator} || `)
  const cellsBetween = `select ${texts.join(', ')} ${from} where r.id > ? and r.id <= ? and ${clause} order by r.id`
  return { clause, params, texts, line, from, cellsBetween }
}

/**
 * The same export for CSV, a page at a time, each page one text the database joined
 * (`JoinedPage`, rows of `joinedRowSql`'s line), so that `writeExport` only escapes
 * (`csvOfJoinedPage`): byte for byte what it writes of the rows one by one. The driver then makes
 * one value a page, not one a cell: on SQLite that was most of an export's time. Rows are joined in
 * the order the page's subquery gives them, its keyset order (SQLite feeds an aggregate the rows of
 * a subquery with a limit as that subquery yields them; PostgreSQL is told). The pages are read
 * through `pages` (by default `query`). Refuses an unknown policy (400) or subject (404) before the
 * first page.
 */
export async function* sqlJoinedPages(query: RowQuery, cells: CellQuery, dialect: SqlDialect, filter: ExportFilter, pages: RowQuery = query): AsyncGenerator<JoinedPage> {
  const { clause, params, line, from, cellsBetween } = await joinedRowSql(query, dialect, filter)
  const rowSeparator = dialect === 'sqlite' ? 'char(30, 30)' : 'chr(30) || chr(30)'
  const pageRows = JOINED_PAGE_ROWS[dialect]
  const rowsOfPage = `select ${line} as line, r.id as k ${from} where r.id > ? and ${clause} order by r.id limit ${pageRows}`
  const joined = dialect === 'sqlite' ? `group_concat(line, ${rowSeparator})` : `string_agg(line, ${rowSeparator} order by k)`
  const sql = `select ${joined} as text, max(k) as k, count(*) as n from (${rowsOfPage}) page`
  const read = async (after: number) => {
    const [page] = await pages(sql, [after, ...params])
    const rows = Number(page?.n ?? 0)
    const last = Number(page?.k ?? after)
    return new JoinedPage(String(page?.text ?? ''), rows, () => cells(cellsBetween, [after, last, ...params]), last)
  }
  yield* keysetPages(read, pageRows, (page) => page.rows, (page) => page.last)
}

/**
 * The pages of a keyset read (`read(after)`: the rows after a key, at most `pageRows`), each
 * starting after the key (`lastKeyOf`) of the last row of the one before, until a page holds fewer
 * than `pageRows` rows. The next page is asked for as soon as a page arrives, so the database reads it
 * while this one is written (on PostgreSQL, on another core).
 */
async function* keysetPages<Page>(read: (after: number) => Promise<Page>, pageRows: number, sizeOf: (page: Page) => number, lastKeyOf: (page: Page) => number): AsyncGenerator<Page> {
  let next = read(0)
  try {
    for (;;) {
      const page = await next
      if (sizeOf(page) < pageRows) {
        if (sizeOf(page) > 0) yield page
        return
      }
      next = read(lastKeyOf(page))
      yield page
    }
  } finally {
    // A reader that stops early leaves the page asked for unread: its failure is nobody's.
    next.catch(() => undefined)
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
  const read = (after: number) => query(sql, [after, ...params])
  for await (const rows of keysetPages(read, PAGE, (page) => page.length, (page) => Number(page.at(-1)!.id))) {
    for (const row of rows) {
      const out: ExportRow = { ...row, id: Number(row.id), version: Number(row.version) }
      for (const key of ['acceptedAt', 'createdAt', 'reachedAt', 'dismissedAt']) if (key in out) out[key] = iso(out[key])
      if (filter.type === 'acceptances') out.notices = noticeIds(row.notices)
      else out.attempts = row.attempts === null ? null : Number(row.attempts)
      yield out
    }
  }
}
