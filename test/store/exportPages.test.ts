import { describe, expect, it } from 'vitest'

import { cellsOf, type RowQuery } from '../../src/db/directQuery'
import { exportFilterSchema } from '../../src/domain/exportFilter'
import { CellPage } from '../../src/store/evidence/exportRow'
import { sqlCellPages, sqlExportRows } from '../../src/store/evidence/sqlExportRows'

/** A table of `rows` acceptances with ids 1…rows, read as the export's keyset query reads it
 * (`r.id > ?`, 5,000 a page); `asked` records each page's starting key when it is asked for. */
function table(rows: number, failAfter?: number) {
  const asked: number[] = []
  const query: RowQuery = async (_text, params) => {
    const after = Number(params[0])
    asked.push(after)
    if (failAfter !== undefined && after >= failAfter) throw new Error('the connection closed')
    const ids = Array.from({ length: Math.max(0, Math.min(5000, rows - after)) }, (_, i) => after + i + 1)
    return ids.map((id) => ({ id, subject: `s${id}`, version: 1, acceptedAt: '2026-01-01T00:00:00.000Z', notices: null }))
  }
  return { asked, query }
}

const csv = exportFilterSchema.parse({ format: 'csv' })

describe("an export's pages", () => {
  it('hold every row once, in id order, across pages and the short last one', async () => {
    const { asked, query } = table(12_001)
    const ids: number[] = []
    for await (const page of sqlCellPages(query, cellsOf(query), 'postgres', csv)) ids.push(...(page as CellPage).rows.map((r) => Number(r[0])))
    expect(ids).toEqual(Array.from({ length: 12_001 }, (_, i) => i + 1))
    expect(asked).toEqual([0, 5000, 10_000])
    const rows: number[] = []
    for await (const row of sqlExportRows(table(10_000).query, exportFilterSchema.parse({ format: 'jsonl' }))) rows.push(Number(row.id))
    expect(rows).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 1))
  })

  it('ask for the next page while the one before is being written', async () => {
    const { asked, query } = table(12_001)
    const pages = sqlCellPages(query, cellsOf(query), 'postgres', csv)
    await pages.next()
    expect(asked).toEqual([0, 5000])
    await pages.next()
    expect(asked).toEqual([0, 5000, 10_000])
    await pages.return(undefined)
  })

  it('stop cleanly when the reader stops early, even if the page asked for fails', async () => {
    const { asked, query } = table(20_000, 5000)
    const unhandled: unknown[] = []
    const record = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', record)
    try {
      for await (const page of sqlCellPages(query, cellsOf(query), 'postgres', csv)) {
        expect((page as CellPage).rows).toHaveLength(5000)
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    } finally {
      process.off('unhandledRejection', record)
    }
    expect(asked).toEqual([0, 5000])
    expect(unhandled).toEqual([])
  })

  it('fail with the database when a page it waits for fails', async () => {
    const { query } = table(20_000, 5000)
    const pages = sqlCellPages(query, cellsOf(query), 'postgres', csv)
    await pages.next()
    await expect(pages.next()).rejects.toThrow('the connection closed')
  })
})
