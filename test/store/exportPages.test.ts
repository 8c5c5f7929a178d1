import { describe, expect, it } from 'vitest'

import { cellsOf, type RowQuery } from '../../src/db/directQuery'
import { exportFilterSchema } from '../../src/domain/exportFilter'
import { JOINED_ROW } from '../../src/formats/csvJoinedPage'
import { JoinedPage } from '../../src/store/evidence/exportRow'
import { JOINED_PAGE_ROWS, sqlExportRows, sqlJoinedPages } from '../../src/store/evidence/sqlExportRows'

/** A table of `rows` acceptances with ids 1…rows, read as the export's keyset query reads it
 * (`r.id > ?`, as many a page as its `limit` says): as rows, or as a page the database joined (its
 * rows' ids only, with its count and last id) when the query aggregates; `asked` records each
 * page's starting key when it is asked for. */
function table(rows: number, failAfter?: number) {
  const asked: number[] = []
  const query: RowQuery = async (text, params) => {
    const after = Number(params[0])
    asked.push(after)
    if (failAfter !== undefined && after >= failAfter) throw new Error('the connection closed')
    const limit = Number(/limit (\d+)/.exec(text)![1])
    const ids = Array.from({ length: Math.max(0, Math.min(limit, rows - after)) }, (_, i) => after + i + 1)
    if (text.includes('string_agg') || text.includes('group_concat')) return [{ text: ids.length ? ids.join(JOINED_ROW) : null, k: ids.at(-1) ?? null, n: String(ids.length) }]
    return ids.map((id) => ({ id, subject: `s${id}`, version: 1, acceptedAt: '2026-01-01T00:00:00.000Z', notices: null }))
  }
  return { asked, query }
}
const idsOf = (page: JoinedPage) => page.text.split(JOINED_ROW).map(Number)

const csv = exportFilterSchema.parse({ format: 'csv' })

const PAGE = JOINED_PAGE_ROWS.postgres

describe("an export's pages", () => {
  it.each(['sqlite', 'postgres'] as const)('hold every row once, in id order, across pages and the short last one (%s)', async (dialect) => {
    const pageRows = JOINED_PAGE_ROWS[dialect]
    const { asked, query } = table(2 * pageRows + 1)
    const ids: number[] = []
    for await (const page of sqlJoinedPages(query, cellsOf(query), dialect, csv)) ids.push(...idsOf(page))
    expect(ids).toEqual(Array.from({ length: 2 * pageRows + 1 }, (_, i) => i + 1))
    expect(asked).toEqual([0, pageRows, 2 * pageRows])
  })

  it('read rows for JSON Lines in pages of 5,000, every row once', async () => {
    const { asked, query } = table(12_001)
    const rows: number[] = []
    for await (const row of sqlExportRows(query, exportFilterSchema.parse({ format: 'jsonl' }))) rows.push(Number(row.id))
    expect(rows).toEqual(Array.from({ length: 12_001 }, (_, i) => i + 1))
    expect(asked).toEqual([0, 5000, 10_000])
  })

  it('ask for the next page while the one before is being written', async () => {
    const { asked, query } = table(2 * PAGE + 1)
    const pages = sqlJoinedPages(query, cellsOf(query), 'postgres', csv)
    await pages.next()
    expect(asked).toEqual([0, PAGE])
    await pages.next()
    expect(asked).toEqual([0, PAGE, 2 * PAGE])
    await pages.return(undefined)
  })

  it('stop cleanly when the reader stops early, even if the page asked for fails', async () => {
    const { asked, query } = table(4 * PAGE, PAGE)
    const unhandled: unknown[] = []
    const record = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', record)
    try {
      for await (const page of sqlJoinedPages(query, cellsOf(query), 'postgres', csv)) {
        expect(page.rows).toBe(PAGE)
        expect(idsOf(page)).toHaveLength(PAGE)
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    } finally {
      process.off('unhandledRejection', record)
    }
    expect(asked).toEqual([0, PAGE])
    expect(unhandled).toEqual([])
  })

  it('fail with the database when a page it waits for fails', async () => {
    const { query } = table(4 * PAGE, PAGE)
    const pages = sqlJoinedPages(query, cellsOf(query), 'postgres', csv)
    await pages.next()
    await expect(pages.next()).rejects.toThrow('the connection closed')
  })
})
