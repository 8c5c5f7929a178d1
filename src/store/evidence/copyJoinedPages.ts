import type { RowQuery } from '../../db/directQuery'
import { copyTextValue } from '../../db/copyTextValue'
import type { CopyOut } from '../../db/postgresCopyOut'
import type { ExportFilter } from '../../domain/exportFilter'
import { JOINED_CELL, JOINED_ROW } from '../../formats/csvJoinedPage'
import { JoinedPage } from './exportRow'
import { joinedRowSql } from './sqlExportRows'

const NEWLINE = 0x0a

/**
 * The rows of a run of whole lines that COPY wrote in its text format (cells ending in tabs, rows
 * in newlines, the last newline left out) as a joined page. A tab, a newline or a backslash in a
 * cell is written escaped, after a backslash: lines without one are joined by swapping the
 * separators; others, and a page whose cells hold the joined page's own separators, are read
 * cell by cell (`cells`), from the same lines.
 */
function pageOfLines(lines: string): JoinedPage {
  const cells = () => lines.split('\n').map((row) => row.split('\t').map(copyTextValue))
  const lastLine = lines.slice(lines.lastIndexOf('\n') + 1)
  const last = Number(lastLine.slice(0, lastLine.indexOf('\t')))
  let rows = 1
  for (let at = lines.indexOf('\n'); at !== -1; at = lines.indexOf('\n', at + 1)) rows++
  const text = lines.includes('\\') ? cells().map((row) => row.join(JOINED_CELL)).join(JOINED_ROW) : lines.replaceAll('\t', JOINED_CELL).replaceAll('\n', JOINED_ROW)
  return new JoinedPage(text, rows, async () => cells(), last)
}

/**
 * A CSV export on PostgreSQL as `sqlJoinedPages` gives it, the same rows as pages of the same
 * form, from one `COPY` of every row's cells (`joinedRowSql`) in id order instead of a query a
 * page: the server streams it and may read it with parallel workers, as its own dump does. A page
 * is what a chunk of the stream completes (about 64 KB of whole rows), so no text reaches V8's
 * large-object size. Refuses an unknown policy (400) or subject (404) before the first page.
 */
export async function* copyJoinedPages(query: RowQuery, copy: CopyOut, filter: ExportFilter): AsyncGenerator<JoinedPage> {
  const { clause, params, texts, from } = await joinedRowSql(query, 'postgres', filter)
  let carry: Buffer | undefined
  const cells = texts.map((text) => `coalesce(${text}, '')`).join(', ')
  for await (const chunk of copy(`select ${cells} ${from} where ${clause} order by r.id`, params)) {
    const bytes = carry ? Buffer.concat([carry, chunk]) : chunk
    const end = bytes.lastIndexOf(NEWLINE)
    if (end === -1) {
      carry = bytes
      continue
    }
    // Its own copy: a view would keep the whole chunk.
    carry = end + 1 < bytes.length ? Buffer.from(bytes.subarray(end + 1)) : undefined
    yield pageOfLines(bytes.toString('utf8', 0, end))
  }
  if (carry) throw new Error('the database ended its rows in the middle of one')
}
