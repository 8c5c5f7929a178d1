import { once } from 'node:events'
import type { Writable } from 'node:stream'

import type { ExportFilter } from '../../domain/exportFilter'
import { csvRow } from '../../formats/csvCell'
import { csvOfJoinedPage } from '../../formats/csvJoinedPage'
import { JoinedPage, exportColumns, type ExportRow } from '../../store/evidence/exportRow'

/**
 * Writes rows to `out` as CSV (a header, then one CRLF record per row; formula-like cells
 * neutralised; a page the database wrote as one text is escaped and written at once) or JSON
 * Lines, waiting whenever `out` is full, so memory stays flat. Returns the number of rows
 * written; `onRow` sees the running count.
 */
export async function writeExport(rows: AsyncIterable<ExportRow | JoinedPage>, filter: ExportFilter, out: Writable, onRow?: (count: number) => void): Promise<number> {
  const columns = exportColumns[filter.type]
  const write = async (chunk: string | Buffer) => {
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
    if (row instanceof JoinedPage) {
      // One write per page: a write per row costs more than the row's CSV.
      const csv = csvOfJoinedPage(row.text, row.rows, columns.length)
      if (csv) {
        await write(csv)
        onRow?.((count += row.rows))
        continue
      }
      // A cell holds a separator character: this page is read again, cell by cell.
      let text = ''
      const rows = await row.cells()
      for (const cells of rows) text += csvRow(cells)
      await write(text)
      onRow?.((count += rows.length))
      continue
    }
    const picked = columns.map((c) => row[c] ?? null)
    await write(filter.format === 'csv' ? csvRow(picked) : `${JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, picked[i]])))}\n`)
    onRow?.(++count)
  }
  return count
}
