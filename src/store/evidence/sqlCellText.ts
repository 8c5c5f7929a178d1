/** How a column's value becomes the text of its cell. */
export type CellKind = 'text' | 'number' | 'date' | 'noticeIds'

export type SqlDialect = 'sqlite' | 'postgres'

/**
 * The SQL expression of a column's value as the export writes it, before CSV escaping: dates as
 * ISO-8601 UTC with milliseconds, notices as their ids joined by spaces, null as null. The
 * escaping itself is `csvCell`'s, in JavaScript: done in SQL it cost PostgreSQL four times the
 * work of its own dump, and SQLite a quarter more than reading the plain cells.
 */
export function sqlCellText(dialect: SqlDialect, expr: string, kind: CellKind): string {
  if (dialect === 'sqlite') {
    // Dates are stored as ISO-8601 text already; notices as a JSON array of { id, … }.
    if (kind === 'noticeIds') return `(case when ${expr} is null then null else (select group_concat(json_extract(value, '$.id'), ' ') from json_each(${expr})) end)`
    return `cast(${expr} as text)`
  }
  if (kind === 'date') return `to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
  if (kind === 'noticeIds') return `(case when ${expr} is null then null else (select string_agg(e.value->>'id', ' ' order by e.ord) from jsonb_array_elements(${expr}) with ordinality as e(value, ord)) end)`
  return `cast(${expr} as text)`
}
