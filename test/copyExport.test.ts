import { Writable } from 'node:stream'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { openDirectDatabase, type DirectDatabase } from '../src/db/directQuery'
import type { CopyOut } from '../src/db/postgresCopyOut'
import { exportFilterSchema, type ExportFilter } from '../src/domain/exportFilter'
import { csvRow } from '../src/formats/csvCell'
import { writeExport } from '../src/services/audit/writeExport'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { exportColumns, type ExportRow, type JoinedPage } from '../src/store/evidence/exportRow'
import { openEvidence } from '../src/store/evidence/openEvidence'
import { sqlEvidence } from '../src/store/evidence/sqlEvidence'
import { bulkInsert } from './support/bulkInsert'
import { startSeededTestApp } from './support/startSeededTestApp'
import type { TestApp } from './support/testApp'

// On PostgreSQL the export CLI reads a CSV export from one COPY, in its text format, cut into
// pages wherever the connection's chunks end: every cell must come out as the rows read one by one
// give it, whatever it holds.

const onPostgres = process.env.TEST_DATABASE_URL?.startsWith('postgres')
if (!onPostgres) console.log('The COPY export skipped: it reads PostgreSQL only (set TEST_DATABASE_URL); SQLite exports read pages, tested in audit and auditExport.')

/** User agents as someone writing to the database could store them: COPY's escapes, CSV's
 * specials, the joined page's separators, control characters, characters of 2 to 4 bytes. */
const ODD = ['a\tb', 'line\nbreak', 'cr\r\nlf', 'back\\slash\\n', '\\', '"quoted", comma', '=1+1', '+1', '-2', '@SUM(A1)', '\x1fsep\x1e\x1eend', 'é😀\u2028 ünïcödé', '\b\f\v\x01\x7f', '', '\\N', '\\.']
const ROWS = 3000
let app: TestApp
let db: DirectDatabase

beforeAll(async () => {
  if (!onPostgres) return
  app = await startSeededTestApp({ sharedDatabase: true })
  db = await openDirectDatabase(app.database.url)
  const { policy, version } = await findVersion(app.payload, 'terms', 1)
  const subjects = await bulkInsert(app.payload, 'subjects', Array.from({ length: ROWS }, (_, i) => ({ externalId: i % 7 === 0 ? `sübject-${i}, "${ODD[i % ODD.length]}"` : `s-${i}`, locale: 'en' })))
  const start = Date.parse('2026-01-01T00:00:00Z')
  await bulkInsert(app.payload, 'acceptances', subjects.map((s, i) => ({
    subject: s.id, policy: policy.id, version: version.id, versionNumber: 1, method: 'clickwrap', source: 'api', contentHash: version.contentHash,
    acceptedAt: new Date(start + i * 60_000).toISOString(), locale: i % 5 ? 'en' : 'fr-CA',
    ip: i % 11 ? '192.0.2.1' : null,
    userAgent: i % 2 ? `Mozilla/5.0 (é ${i}) ${ODD[i % ODD.length]}` : ODD[i % ODD.length],
    notices: i % 13 ? null : [{ id: i, channel: 'email' }, { id: i + 1, channel: 'banner' }],
  })))
}, 120_000)
afterAll(async () => {
  await db?.close()
  await app?.close()
})

/** What `writeExport` writes of `rows`. */
async function written(rows: AsyncIterable<ExportRow | JoinedPage>, filter: ExportFilter): Promise<string> {
  const chunks: Buffer[] = []
  const out = new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(Buffer.from(chunk)), done()) })
  await writeExport(rows, filter, out)
  return Buffer.concat(chunks).toString('utf8')
}

/** The CSV of the rows read one by one (the JSON Lines reader), which every CSV path must equal,
 * and their number. */
async function expectedRows(filter: ExportFilter): Promise<{ text: string; rows: number }> {
  let text = csvRow(exportColumns.acceptances)
  let rows = 0
  for await (const row of sqlEvidence(db.query, 'postgres').exportRows({ ...filter, format: 'jsonl' })) {
    text += csvRow(exportColumns.acceptances.map((c) => (row as ExportRow)[c] ?? null))
    rows++
  }
  return { text, rows }
}
const expected = async (filter: ExportFilter) => (await expectedRows(filter)).text

/** The COPY of `db`, counting its chunks. */
function counted() {
  const seen = { chunks: 0 }
  const copy: CopyOut = async function* (text, params) {
    for await (const chunk of db.copyOut!(text, params)) {
      seen.chunks++
      yield chunk
    }
  }
  return { seen, copy }
}

describe.skipIf(!onPostgres)('a CSV export read from one COPY', () => {
  it('writes byte for byte what the rows read one by one give, across chunks cut anywhere', async () => {
    const csv = exportFilterSchema.parse({ format: 'csv' })
    const { seen, copy } = counted()
    const text = await written(sqlEvidence(db.query, 'postgres', db.cells, db.query, copy).exportRows(csv), csv)
    const want = await expected(csv)
    expect(seen.chunks).toBeGreaterThan(5)
    expect(text).toBe(want)
    expect(text.split('\r\n').length).toBeGreaterThan(ROWS)
    expect(text).toContain(`,'=1+1,`)
    expect(text).toContain('"cr\r\nlf"')
    expect(text).toContain('back\\slash\\n')
    // The same bytes as the pages read query by query.
    expect(await written(sqlEvidence(db.query, 'postgres', db.cells).exportRows(csv), csv)).toBe(want)
  })

  it('writes the same bytes as pages of any size would: chunks of 1 to 97 bytes', async () => {
    const csv = exportFilterSchema.parse({ format: 'csv' })
    let size = 0
    const tiny: CopyOut = async function* (text, params) {
      for await (const chunk of db.copyOut!(text, params)) for (let at = 0; at < chunk.length; at += size) yield chunk.subarray(at, at + (size = (size % 97) + 1))
    }
    expect(await written(sqlEvidence(db.query, 'postgres', db.cells, db.query, tiny).exportRows(csv), csv)).toBe(await expected(csv))
  })

  it('filters as the pages do, by policy, version, dates and subject', async () => {
    const filters = [
      { format: 'csv', policy: 'terms', version: '1', from: '2026-01-01T05:00:00Z', to: '2026-01-02T00:00:00Z' },
      { format: 'csv', subject: `sübject-14, "${ODD[14 % ODD.length]}"` },
      { format: 'csv', policy: 'privacy' },
    ].map((f) => exportFilterSchema.parse(f))
    const counts: number[] = []
    for (const filter of filters) {
      const text = await written(sqlEvidence(db.query, 'postgres', db.cells, db.query, db.copyOut).exportRows(filter), filter)
      const want = await expectedRows(filter)
      expect(text).toBe(want.text)
      counts.push(want.rows)
    }
    expect(counts).toEqual([19 * 60, 1, 0])
  })

  it('refuses an unknown policy or subject before any row', async () => {
    const evidence = sqlEvidence(db.query, 'postgres', db.cells, db.query, db.copyOut)
    const first = (filter: object) => evidence.exportRows(exportFilterSchema.parse({ format: 'csv', ...filter }))[Symbol.asyncIterator]().next()
    await expect(first({ policy: 'nope' })).rejects.toMatchObject({ status: 400, code: 'validation_failed' })
    await expect(first({ subject: "x'; drop table acceptances; --" })).rejects.toMatchObject({ status: 404, code: 'subject_not_found' })
    expect(Number((await db.query('select count(*) as n from acceptances', []))[0].n)).toBe(ROWS)
  })

  it('writes its parameters into the COPY as literals, quotes and backslashes kept', async () => {
    const hostile = "it's \\' a ''); drop table acceptances; --"
    const chunks: Buffer[] = []
    for await (const chunk of db.copyOut!('select ?::text, ?::int', [hostile, 42])) chunks.push(chunk)
    expect(Buffer.concat(chunks).toString('utf8')).toBe(`${hostile.replaceAll('\\', '\\\\')}\t42\n`)
    await expect(async () => {
      for await (const _ of db.copyOut!('select ?::text', [{ toString: () => "x') --" }])) void _
    }).rejects.toThrow('a COPY parameter must be a number or a text')
  })

  it('through the CLI\'s own connection, stops cleanly when the reader stops part-way', async () => {
    const opened = await openEvidence(app.database.url, () => Promise.reject(new Error('not MongoDB')))
    const csv = exportFilterSchema.parse({ format: 'csv' })
    let pages = 0
    for await (const _ of opened.evidence.exportRows(csv)) if (++pages === 2) break
    expect(pages).toBe(2)
    await opened.close()
  })
})
