import { FORMULA_CHARACTERS, QUOTED_CHARACTERS } from './csvCell'

/** What the database puts between the cells of a row of a joined page (unit separator). */
export const JOINED_CELL = '\x1f'
/** What it puts between rows (two record separators: the CRLF that ends a CSV record, in place). */
export const JOINED_ROW = '\x1e\x1e'

/** A separator followed by a character that makes a spreadsheet run a cell (`csvCell`'s rule). */
const FORMULA_AFTER_SEPARATOR = new RegExp(`[\\x1e\\x1f][${FORMULA_CHARACTERS}]`)
const FORMULA_CELL_START = new RegExp(`([\\x1e\\x1f])([${FORMULA_CHARACTERS}])`, 'g')
/** A character that makes a cell quoted; and a whole cell (from its separator) that holds one. */
const QUOTE_NEEDED = new RegExp(`[${QUOTED_CHARACTERS}]`)
const CELL_TO_QUOTE = new RegExp(`[\\x1e\\x1f][^\\x1e\\x1f${QUOTED_CHARACTERS}]*[${QUOTED_CHARACTERS}][^\\x1e\\x1f]*`, 'g')

const COMMA = 0x2c
const UNIT_SEPARATOR = 0x1f
const RECORD_SEPARATOR = 0x1e

/**
 * The CSV records (`csvRow` of each row, byte for byte) of a page the database wrote as one
 * text: `rows` rows of `cellsPerRow` cells each, cells joined by `JOINED_CELL`, rows by
 * `JOINED_ROW`, a null cell written empty. A page read this way costs the driver one value
 * instead of a value per cell, and is escaped here in a few passes over the whole page: cells
 * that a spreadsheet would run get a leading apostrophe, cells with a quote, comma or line break
 * are quoted, and the separators become commas and CRLFs in the bytes.
 *
 * Returns undefined when a cell itself holds a separator character, so that cells cannot be told
 * apart: the separators counted are then more than the page's rows and cells make. The caller
 * reads that page cell by cell instead.
 */
export function csvOfJoinedPage(text: string, rows: number, cellsPerRow: number): Buffer | undefined {
  if (rows === 0) return Buffer.alloc(0)
  // A separator before the first cell too, so that every cell follows one; dropped at the end.
  let page = JOINED_CELL + text
  if (FORMULA_AFTER_SEPARATOR.test(page)) page = page.replace(FORMULA_CELL_START, "$1'$2")
  if (QUOTE_NEEDED.test(page)) page = page.replace(CELL_TO_QUOTE, (cell) => `${cell[0]}"${cell.slice(1).replaceAll('"', '""')}"`)
  const bytes = Buffer.from(page + JOINED_ROW)
  let cells = 0
  for (let i = bytes.indexOf(UNIT_SEPARATOR); i >= 0; i = bytes.indexOf(UNIT_SEPARATOR, i + 1)) {
    bytes[i] = COMMA
    cells++
  }
  let records = 0
  for (let i = bytes.indexOf(RECORD_SEPARATOR); i >= 0; i = bytes.indexOf(RECORD_SEPARATOR, i + 2)) {
    if (bytes[i + 1] !== RECORD_SEPARATOR) return undefined
    bytes[i] = 0x0d
    bytes[i + 1] = 0x0a
    records++
  }
  if (cells !== rows * (cellsPerRow - 1) + 1 || records !== rows) return undefined
  return bytes.subarray(1)
}
