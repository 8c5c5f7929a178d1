import { randomUUID } from 'node:crypto'
import { PassThrough } from 'node:stream'

import { beforeAll, describe, expect, it } from 'vitest'

import { exportFilterSchema, type ExportFilter } from '../../../src/domain/exportFilter'
import { csvRow } from '../../../src/formats/csvCell'
import { recordAcceptance } from '../../../src/services/acceptance/recordAcceptance'
import { writeExport } from '../../../src/services/audit/writeExport'
import { findVersion } from '../../../src/services/legalCenter/findVersion'
import { seedPolicies } from '../../../src/services/publishing/seedPolicies'
import { upsertSubjects } from '../../../src/services/subjects/upsertSubjects'
import { evidenceStore, exportColumns, type EvidenceStore, type ExportRow } from '../../../src/store/evidence'
import { openEvidence } from '../../../src/store/evidence/openEvidence'
import type { TestApp } from '../../support/testApp'
import type { StoreContract } from './storeContract'

const filterOf = (input: Record<string, unknown>): ExportFilter => exportFilterSchema.parse(input)

/** Every row of an export as JSON Lines would carry it: the export's columns, in order. */
async function rowsOf(evidence: EvidenceStore, input: Record<string, unknown>): Promise<ExportRow[]> {
  const filter = filterOf({ ...input, format: 'jsonl' })
  const rows: ExportRow[] = []
  for await (const row of evidence.exportRows(filter)) rows.push(Object.fromEntries(exportColumns[filter.type].map((c) => [c, (row as ExportRow)[c] ?? null])))
  return rows
}

/** The CSV an export writes, whole. */
async function csvOf(evidence: EvidenceStore, input: Record<string, unknown>): Promise<string> {
  const filter = filterOf({ ...input, format: 'csv' })
  const out = new PassThrough()
  let text = ''
  out.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
  await writeExport(evidence.exportRows(filter), filter, out)
  return text
}

const today = () => new Date().toISOString().slice(0, 10)

/** Whether a connection other than Payload's can open the test database: not memory, not MongoDB. */
const directlyReachable = (app: TestApp) => app.database.kind !== 'mongodb' && !app.database.url.includes(':memory:')

/**
 * The evidence store: exports stream the same columns in id order on every database, refuse an
 * unknown policy or subject before the first row, and the coverage counts match what was written.
 */
export const evidenceContract: StoreContract = (app) => {
  describe('evidence', () => {
    const run = randomUUID().slice(0, 8)
    /** `first` accepted privacy 1 only, `later` privacy 2 only, `both` each of them. */
    const subject = { first: `evidence-${run}-first`, later: `evidence-${run}-later`, both: `evidence-${run}-both` }
    let v1: { id: number | string }
    let v2: { id: number | string }
    let privacyId: number | string
    let before: { perDay: Map<string, Array<{ day: string; count: number }>>; laterThan1: number; laterThan2: number }
    const evidence = () => evidenceStore(app().payload)

    beforeAll(async () => {
      const payload = app().payload
      await seedPolicies(payload)
      const [one, two] = await Promise.all([findVersion(payload, 'privacy', 1), findVersion(payload, 'privacy', 2)])
      v1 = one.version
      v2 = two.version
      privacyId = one.policy.id
      const since = new Date(Date.now() - 86_400_000)
      before = {
        perDay: await evidence().acceptancesPerDay([v1.id, v2.id], since),
        laterThan1: await evidence().acceptedLater(privacyId, v1.id, 1),
        laterThan2: await evidence().acceptedLater(privacyId, v2.id, 2),
      }
      await upsertSubjects(payload, Object.values(subject).map((externalId) => ({ externalId })))
      const accept = (externalId: string, version: 1 | 2, userAgent: string) =>
        recordAcceptance(payload, { subject: externalId, versions: [{ policy: 'privacy', version, contentHash: (version === 1 ? one : two).version.contentHash! }], method: 'api', source: 'api' }, { now: new Date(), ip: '192.0.2.7', userAgent })
      await accept(subject.first, 1, '=cmd|"/c calc"!A1, with a comma')
      await accept(subject.later, 2, 'Mozilla/5.0')
      await accept(subject.both, 1, 'Mozilla/5.0')
      await accept(subject.both, 2, 'line one\nline two')
    }, 120_000)

    it('streams a filter\'s rows in id order with the export\'s columns, subject and policy by name', async () => {
      const rows = await rowsOf(evidence(), { subject: subject.both })
      expect(rows.map((r) => [r.subject, r.policy, r.version, r.method, r.source, r.ip])).toEqual([
        [subject.both, 'privacy', 1, 'api', 'api', '192.0.2.7'],
        [subject.both, 'privacy', 2, 'api', 'api', '192.0.2.7'],
      ])
      expect(rows[0]!.id as number).toBeLessThan(rows[1]!.id as number)
      expect(rows[1]!.userAgent).toBe('line one\nline two')
      for (const row of rows) expect(new Date(row.acceptedAt as string).toISOString()).toBe(row.acceptedAt)
      expect(await evidence().countExport(filterOf({ subject: subject.both }))).toBe(2)
      expect(await rowsOf(evidence(), { policy: 'privacy', version: 2, subject: subject.both })).toEqual([rows[1]])
    })

    it('writes CSV whose records are the rows\' cells, formula-like and quoted ones escaped', async () => {
      const rows = await rowsOf(evidence(), { subject: subject.first })
      const csv = await csvOf(evidence(), { subject: subject.first })
      expect(csv).toBe(csvRow(exportColumns.acceptances) + rows.map((r) => csvRow(Object.values(r))).join(''))
      expect(csv).toContain(`"'=cmd|""/c calc""!A1, with a comma"`)
    })

    it('gives no rows for a filter nothing matches: the CSV is its header alone', async () => {
      const nothing = { subject: subject.first, to: '2001-01-01' }
      expect(await rowsOf(evidence(), nothing)).toEqual([])
      expect(await evidence().countExport(filterOf(nothing))).toBe(0)
      expect(await csvOf(evidence(), nothing)).toBe(`${exportColumns.acceptances.join(',')}\r\n`)
      expect(await csvOf(evidence(), { type: 'notices', subject: subject.first })).toBe(`${exportColumns.notices.join(',')}\r\n`)
    })

    it('refuses an unknown policy (400) or subject (404) before the first row', async () => {
      const refusal = (input: Record<string, unknown>) => evidence().exportRows(filterOf(input)).next()
      await expect(refusal({ policy: 'no-such-policy' })).rejects.toMatchObject({ code: 'validation_failed', status: 400 })
      await expect(refusal({ subject: `nobody-${run}` })).rejects.toMatchObject({ code: 'subject_not_found', status: 404 })
      await expect(evidence().countExport(filterOf({ subject: `nobody-${run}` }))).rejects.toMatchObject({ code: 'subject_not_found' })
    })

    it('counts acceptances per version and UTC day as written (MongoDB: no days counted, as before)', async () => {
      const since = new Date(Date.now() - 86_400_000)
      const after = await evidence().acceptancesPerDay([v1.id, v2.id], since)
      expect([...after.keys()]).toEqual([String(v1.id), String(v2.id)])
      const on = (perDay: typeof after, id: number | string) => perDay.get(String(id))!.find((d) => d.day === today())?.count ?? 0
      if (app().database.kind === 'mongodb') {
        expect([...after.values()]).toEqual([[], []])
      } else {
        expect(on(after, v1.id) - on(before.perDay, v1.id)).toBe(2)
        expect(on(after, v2.id) - on(before.perDay, v2.id)).toBe(2)
      }
      expect(await evidence().acceptancesPerDay([], since)).toEqual(new Map())
    })

    it('counts the subjects who skipped a version for a later one, and only them', async () => {
      expect((await evidence().acceptedLater(privacyId, v1.id, 1)) - before.laterThan1).toBe(1)
      expect((await evidence().acceptedLater(privacyId, v2.id, 2)) - before.laterThan2).toBe(0)
    })

    it('chooses its implementation once per Payload', () => {
      expect(evidenceStore(app().payload)).toBe(evidenceStore(app().payload))
    })

    it('opened without Payload (the export CLI), exports what the audit route exports and logs the export', async (context) => {
      if (!directlyReachable(app())) {
        console.log(`evidence without Payload: not run on ${app().database.kind} at ${app().database.url}: no second connection reaches it`)
        context.skip()
      }
      const opened = await openEvidence(app().database.url, () => Promise.reject(new Error('a SQL database opens without Payload')))
      const actor = `cli:${run}`
      try {
        expect(await rowsOf(opened.evidence, { policy: 'privacy', subject: subject.both })).toEqual(await rowsOf(evidence(), { policy: 'privacy', subject: subject.both }))
        expect(await csvOf(opened.evidence, { subject: subject.first })).toBe(await csvOf(evidence(), { subject: subject.first }))
        expect(await opened.evidence.countExport(filterOf({ subject: subject.later }))).toBe(1)
        await expect(opened.evidence.exportRows(filterOf({ subject: `nobody-${run}` })).next()).rejects.toMatchObject({ code: 'subject_not_found' })
        await opened.accessRecords.recordAccess({ actor, action: 'export', resource: 'acceptances', count: 1 })
      } finally {
        await opened.close()
      }
      const { docs } = await app().payload.find({ collection: 'access-records', where: { actor: { equals: actor } }, depth: 0 })
      expect(docs.map(({ action, resource, count }) => ({ action, resource, count }))).toEqual([{ action: 'export', resource: 'acceptances', count: 1 }])
    })
  })
}
