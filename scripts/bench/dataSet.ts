// Generates the benchmark data set on a migrated database: 2 policies with `versions` published
// versions each (40 by default), `subjects` subjects (100,000) and `acceptances` acceptances
// (1,000,000) spread over subjects and versions, each with its ledger entry, and a signed
// checkpoint over the ledger. Inserted in bulk, not through the API: the data set is the
// starting point of the scenarios, not one of them.
import { sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import { insertRows } from '../../src/db/insertRows'
import { sqlAdapter } from '../../src/db/sqlSession'
import { entryLeafHash, ledgerBody } from '../../src/domain/ledgerBody'
import { acceptanceLedgerRecord } from '../../src/domain/ledgerRecords'
import { createCheckpoint } from '../../src/services/ledger/createCheckpoint'
import { markdownToBody } from '../../src/services/publishing/lexicalMarkdown'
import type { DataSetVersion } from './scenario'

export interface DataSetSize {
  subjects: number
  acceptances: number
  versions: number
}

/** External id of data-set subject `i`. */
export const subjectId = (i: number): string => `user-${i}`

const CHUNK = 10_000

async function publishVersions(payload: Payload, count: number): Promise<DataSetVersion[]> {
  const versions: DataSetVersion[] = []
  for (const [slug, title] of [['privacy', 'Privacy Policy'], ['terms', 'Terms of Service']]) {
    const policy = await payload.create({ collection: 'policies', data: { title, slug, acceptanceMode: slug === 'terms' ? 'clickwrap' : 'continued-use', noticePeriodDays: 30 } })
    let text = `# ${title}\n`
    for (let n = 1; n <= count; n++) {
      text += `\n## Section ${n}\n\nWe keep records of what you accepted for ${n} years, and explain why in this section.\n`
      const v = await payload.create({
        collection: 'policy-versions',
        data: { policy: policy.id, changeClass: 'material', summary: `Revision ${n}.`, effectiveAt: new Date(Date.UTC(2020, 0, 1) + n * 30 * 86_400_000).toISOString(), body: (await markdownToBody(payload.config, text)) as never, _status: 'published' },
        context: { assentImport: true },
      })
      versions.push({ id: v.id, policy: policy.id, slug, version: v.version!, contentHash: v.contentHash! })
    }
  }
  return versions
}

/** Builds the data set with `payload` (SQLite or PostgreSQL); returns the published versions. */
export async function generateDataSet(payload: Payload, size: DataSetSize, progress: (line: string) => void = () => undefined): Promise<DataSetVersion[]> {
  const adapter = sqlAdapter(payload)
  if (!adapter) throw new Error('the benchmark data set is generated on SQLite or PostgreSQL')
  const db = adapter.drizzle
  const versions = await publishVersions(payload, size.versions)
  const now = new Date().toISOString()

  const subjectIds: number[] = []
  for (let i = 0; i < size.subjects; i += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, size.subjects - i) }, (_, j) => ({ externalId: subjectId(i + j), email: `${subjectId(i + j)}@example.com`, name: `User ${i + j}`, locale: 'en', createdAt: now, updatedAt: now }))
    const stored = await insertRows<{ id: number }>(db, adapter.tables.subjects, rows, { returning: true })
    subjectIds.push(...stored.map((r) => r.id))
  }
  progress(`${subjectIds.length} subjects`)

  // Acceptance k goes to subject k mod S and version floor(k / S): unique per subject and version.
  // The latest version of each policy is left for the scenarios to accept. Each acceptance gets
  // the ledger entry the acceptance hook would have written.
  const latest = new Set(versions.filter((v, i) => versions[i + 1]?.policy !== v.policy).map((v) => v.id))
  const acceptable = versions.filter((v) => !latest.has(v.id))
  if (size.acceptances > subjectIds.length * acceptable.length) {
    throw new Error(`${size.acceptances} acceptances do not fit ${subjectIds.length} subjects × ${acceptable.length} versions (one per subject and version, the latest left out)`)
  }
  const start = Date.UTC(2024, 0, 1)
  // Each publication wrote its own entry already: the acceptances' entries follow them.
  let seq = (await payload.count({ collection: 'ledger-entries' })).totalDocs
  for (let k = 0; k < size.acceptances; k += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, size.acceptances - k) }, (_, j) => {
      const n = k + j
      const v = acceptable[Math.floor(n / subjectIds.length)]
      return {
        subject: subjectIds[n % subjectIds.length], policy: v.policy, version: v.id, versionNumber: v.version, method: n % 3 ? 'clickwrap' : 'api', source: 'api',
        contentHash: v.contentHash, acceptedAt: new Date(start + n * 1000).toISOString(), locale: 'en', ip: `198.51.100.${n % 250}`, userAgent: 'Mozilla/5.0 (X11; Linux x86_64)', createdAt: now, updatedAt: now,
      }
    })
    const stored = await insertRows<{ id: number } & (typeof rows)[number]>(db, adapter.tables.acceptances, rows, { returning: true })
    const entries = stored.map((row) => {
      const body = ledgerBody(++seq, 'acceptance', row.acceptedAt, acceptanceLedgerRecord(row))
      return { seq, kind: 'acceptance', body, leafHash: entryLeafHash(body), subject: String(row.subject), recordedAt: row.acceptedAt, createdAt: now, updatedAt: now }
    })
    await insertRows(db, adapter.tables.ledger_entries, entries)
    if ((k / CHUNK) % 20 === 19) progress(`${k + rows.length} acceptances and ledger entries`)
  }
  await createCheckpoint(payload)
  progress(`${size.acceptances} acceptances and ${seq} ledger entries, checkpoint signed`)
  // PostgreSQL's autovacuum (on by default) vacuums and analyzes a table soon after a million rows
  // are added to it. Where it is off, the scenarios would read tables never analyzed (an index
  // scan planned as a bitmap scan), whose pages each first read rewrites: on a server with
  // autovacuum off, the status read took 153 to 413 µs of PostgreSQL's CPU before this, 73 to 127
  // after (4 rounds of 3,000 reads each). So the data set is left as autovacuum leaves it,
  // whatever the server's setting.
  if (payload.db.name === 'postgres') {
    await db.execute!(sql`vacuum analyze`)
    progress('vacuumed and analyzed')
  }
  return versions
}
