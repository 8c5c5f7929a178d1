import { once } from 'node:events'
import type { Writable } from 'node:stream'

import type { ExportFilter } from '../../domain/exportFilter'
import { csvRow } from '../../formats/csvCell'
import { CellPage, exportColumns, type ExportRow } from '../../store/evidence/exportRow'

/**
 * Writes rows to `out` as CSV (a header, then one CRLF record per row; formula-like cells
 * neutralised; a page of cells the database already wrote as text is escaped and written at once) or JSON Lines, waiting whenever `out` is full, so memory stays flat. Returns the
 * number of rows written; `onRow` sees the running count.
 */
export async function writeExport(rows: AsyncIterable<ExportRow | CellPage>, filter: ExportFilter, out: Writable, onRow?: (count: number) => void): Promise<number> {
  const columns = exportColumns[filter.type]
  const write = async (chunk: string) => {
    if (out.destroyed) throw new Error('the export destination closed')
    if (out.write(chunk)) return
    const waiting = new AbortController()
    try {
      await Promise.race([once(out, 'drain', { signal: waiting.signal }), once(out, 'close', { signal: waiting.signal })])
    } finally {
      waiting.abort() // takes the other listener off again
    }
  }
  if (filter.format === 'csv') await write(csvRow(columns))
  let count = 0
  for await (const row of rows) {
    if (row instanceof CellPage) {
      // One write per page: a write per row costs more than the row's CSV.
      let text = ''
      for (const cells of row.rows) text += csvRow(cells)
      await write(text)
      onRow?.((count += row.rows.length))
      continue
    }
    const picked = columns.map((c) => row[c] ?? null)
    await write(filter.format === 'csv' ? csvRow(picked) : `${JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, picked[i]])))}\n`)
    onRow?.(++count)
  }
  return count
}
