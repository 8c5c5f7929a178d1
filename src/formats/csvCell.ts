/** Characters that make a spreadsheet treat a cell as a formula (or split it) when it starts one,
 * as a character class's source: the one rule, for `csvCell` and for whole pages. */
export const FORMULA_CHARACTERS = '=+\\-@\\t\\r'
/** Characters that make a cell quoted, as a character class's source. */
export const QUOTED_CHARACTERS = '",\\r\\n'

const FORMULA_START = new RegExp(`^[${FORMULA_CHARACTERS}]`)
const NEEDS_QUOTES = new RegExp(`[${QUOTED_CHARACTERS}]`)

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell that a
 * spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe,
 * so exported evidence cannot execute anything where an auditor opens it (CSV injection).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV record, CRLF-terminated. */
export const csvRow = (cells: readonly unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`
