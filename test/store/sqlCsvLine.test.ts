import fc from 'fast-check'
import Database from 'libsql'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { csvCell } from '../../src/formats/csvCell'
import { sqlCsvCell, type SqlDialect } from '../../src/store/evidence/sqlCsvLine'

// The database formats CSV cells for large exports; they must read exactly as csvCell writes them.
const postgresUrl = process.env.TEST_DATABASE_URL?.startsWith('postgres') ? process.env.TEST_DATABASE_URL : undefined
const dialect: SqlDialect = postgresUrl ? 'postgres' : 'sqlite'
let cellOf: (value: string | null) => Promise<string>
let close = async () => undefined as void

beforeAll(async () => {
  if (postgresUrl) {
    const client = new pg.Client({ connectionString: postgresUrl })
    await client.connect()
    cellOf = async (value) => (await client.query(`select ${sqlCsvCell('postgres', 'v', 'text')} as c from (select $1::text as v) t`, [value])).rows[0].c as string
    close = () => client.end()
  } else {
    const db = new Database(':memory:')
    const statement = db.prepare(`select ${sqlCsvCell('sqlite', 'v', 'text')} as c from (select ? as v)`)
    cellOf = async (value) => (statement.get([value]) as { c: string }).c
    close = async () => void db.close()
  }
})
afterAll(() => close())

describe(`CSV cells formatted by ${dialect}`, () => {
  it('match csvCell for empty, formula-like, quoted and multi-line values', async () => {
    const values = [null, '', 'plain', '=SUM(A1)', '+1', '-x', '@x', '\tx', '\rx', 'a,b', 'say "hi"', 'line\nbreak', 'cr\rinside', '=a,"b"', 'ü “quoted”', "it's", '==']
    for (const value of values) expect(await cellOf(value), JSON.stringify(value)).toBe(csvCell(value))
  })

  it('match csvCell for any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r', '\t', '=', '+', '-', '@', "'", 'é', '*', '[', ']', '?') }), async (value) => {
        expect(await cellOf(value)).toBe(csvCell(value))
      }),
      { numRuns: 300 },
    )
  })
})
