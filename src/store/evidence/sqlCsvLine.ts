/** How a column's value becomes the text of its cell. */
export type CellKind = 'text' | 'number' | 'date' | 'noticeIds'

export type SqlDialect = 'sqlite' | 'postgres'

/** The text of a value as the JavaScript export writes it, before CSV escaping. */
function cellText(dialect: SqlDialect, expr: string, kind: CellKind): string {
  if (dialect === 'sqlite') {
    // Dates are stored as ISO-8601 text already; notices as a JSON array of { id, … }.
    if (kind === 'noticeIds') return `(case when ${expr} is null then null else (select group_concat(json_extract(value, '$.id'), ' ') from json_each(${expr})) end)`
    return `cast(${expr} as text)`
  }
  if (kind === 'date') return `to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
  if (kind === 'noticeIds') return `(case when ${expr} is null then null else (select string_agg(e.value->>'id', ' ' order by e.ord) from jsonb_array_elements(${expr}) with ordinality as e(value, ord)) end)`
  return `cast(${expr} as text)`
}

/**
 * The SQL expression of one CSV cell, exactly as `csvCell` writes it: empty for null; a leading
 * apostrophe before = + - @ tab or CR (CSV injection); quoted, with quotes doubled, when it holds a
 * comma, quote or line break. Numbers (ids, version numbers, attempts: never negative) need
 * neither, so they are written as they are.
 */
export function sqlCsvCell(dialect: SqlDialect, expr: string, kind: CellKind): string {
  const text = cellText(dialect, expr, kind)
  if (kind === 'number') return `coalesce(${text}, '')`
  const sqlite = dialect === 'sqlite'
  const [tab, cr] = sqlite ? ['char(9)', 'char(13)'] : ['chr(9)', 'chr(13)']
  // One pass over the text for the characters that force quoting (the apostrophe put in front is
  // never one of them). The pattern holds a real CR and LF.
  const needsQuotes = sqlite ? `${text} glob '*[",\r\n]*'` : `${text} ~ '[",\r\n]'`
  const first = sqlite ? `substr(${text}, 1, 1)` : `left(${text}, 1)`
  const guarded = `(case when ${first} in ('=', '+', '-', '@', ${tab}, ${cr}) then '''' || ${text} else ${text} end)`
  return `coalesce(case when ${needsQuotes} then '"' || replace(${guarded}, '"', '""') || '"' else ${guarded} end, '')`
}

/** The SQL expression of a whole CSV record (cells joined by commas, CRLF-terminated). */
export function sqlCsvLine(dialect: SqlDialect, columns: ReadonlyArray<readonly [string, CellKind]>): string {
  const lineEnd = dialect === 'sqlite' ? 'char(13, 10)' : 'chr(13) || chr(10)'
  return `${columns.map(([expr, kind]) => sqlCsvCell(dialect, expr, kind)).join(` || ',' || `)} || ${lineEnd}`
}
