import { cellsOf, type CellQuery, type RowQuery } from '../../db/directQuery'
import type { DayCount } from '../../domain/dailySeries'
import type { CopyOut } from '../../db/postgresCopyOut'
import { copyJoinedPages } from './copyJoinedPages'
import type { EvidenceStore } from './EvidenceStore'
import type { SqlDialect } from './sqlCellText'
import { countSqlExport, sqlJoinedPages, sqlExportRows } from './sqlExportRows'

const ACCEPTED_LATER = `select count(distinct a.subject_id) as n from acceptances a
      where a.policy_id = ? and a.version_number > ?
      and not exists (select 1 from acceptances b where b.subject_id = a.subject_id and b.version_id = ?)`

/**
 * Evidence on SQLite or PostgreSQL (`dialect`) through `query`: Payload's own connection, or a
 * direct one for a reader without Payload, which reads rows as arrays too (`cells`) and may read
 * a CSV export's pages on another thread (`pages`) or, on PostgreSQL, from one COPY (`copy`).
 * Exports stream in pages of plain SQL; a CSV export's pages come as one text each from the
 * database, only escaped in JavaScript.
 */
export const sqlEvidence = (query: RowQuery, dialect: SqlDialect, cells: CellQuery = cellsOf(query), pages: RowQuery = query, copy?: CopyOut): EvidenceStore => ({
  countExport: (filter) => countSqlExport(query, filter),
  exportRows: (filter) => {
    if (filter.format !== 'csv') return sqlExportRows(query, filter)
    return copy ? copyJoinedPages(query, copy, filter) : sqlJoinedPages(query, cells, dialect, filter, pages)
  },
  acceptancesPerDay: async (versionIds, from) => {
    const result = new Map<string, DayCount[]>(versionIds.map((id) => [String(id), []]))
    if (versionIds.length === 0) return result
    const day = dialect === 'postgres' ? `to_char(accepted_at at time zone 'UTC', 'YYYY-MM-DD')` : 'substr(accepted_at, 1, 10)'
    const rows = await query(
      `select version_id as version, ${day} as day, count(*) as n from acceptances where version_id in (${versionIds.map(() => '?').join(', ')}) and accepted_at >= ? group by version_id, ${day}`,
      [...versionIds, from.toISOString()],
    )
    for (const row of rows) result.get(String(row.version))?.push({ day: String(row.day), count: Number(row.n) })
    return result
  },
  acceptedLater: async (policyId, versionId, version) => {
    const rows = await query(ACCEPTED_LATER, [policyId, version, versionId])
    return Number(rows[0]?.n ?? 0)
  },
})
