// Generates a benchmark data set on DATABASE_URL (migrated first): 2 policies with `versions`
// published versions each (40 by default), `subjects` subjects (100,000) and `acceptances`
// acceptances (1,000,000) spread over subjects and versions, inserted in bulk. Prints what it made.
//   node --conditions=production --import tsx scripts/bench/dataSet.ts [--subjects N] [--acceptances N] [--versions N]
import type { Payload } from 'payload'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}

export interface DataSetSize {
  subjects: number
  acceptances: number
  versions: number
}

/** Builds the data set with `payload`; returns the published versions it made. */
export async function generateDataSet(payload: Payload, size: DataSetSize): Promise<Array<{ id: number; policy: number; version: number; contentHash: string }>> {
  const { markdownToBody } = await import('../../src/services/lexicalMarkdown')
  const { sqlAdapter } = await import('../../src/db/sqlSession')
  const adapter = sqlAdapter(payload)
  if (!adapter) throw new Error('the benchmark data set is generated on SQLite or PostgreSQL')
  const versions: Array<{ id: number; policy: number; version: number; contentHash: string }> = []
  for (const [slug, title] of [['privacy', 'Privacy Policy'], ['terms', 'Terms of Service']]) {
    const policy = await payload.create({ collection: 'policies', data: { title, slug, acceptanceMode: slug === 'terms' ? 'clickwrap' : 'continued-use', noticePeriodDays: 30 } })
    let text = `# ${title}\n`
    for (let n = 1; n <= size.versions; n++) {
      text += `\n## Section ${n}\n\nWe keep records of what you accepted for ${n} years, and explain why in this section.\n`
      const v = await payload.create({
        collection: 'policy-versions',
        data: { policy: policy.id, changeClass: 'material', summary: `Revision ${n}.`, effectiveAt: new Date(Date.UTC(2020, 0, 1) + n * 30 * 86_400_000).toISOString(), body: (await markdownToBody(payload.config, text)) as never, _status: 'published' },
        context: { assentImport: true },
      })
      versions.push({ id: v.id, policy: policy.id, version: v.version!, contentHash: v.contentHash! })
    }
  }
  const now = new Date().toISOString()
  const insert = async (table: string, rows: Record<string, unknown>[]) => {
    for (let i = 0; i < rows.length; i += 500) await adapter.drizzle.insert(adapter.tables[table] as never).values(rows.slice(i, i + 500))
  }
  const subjectIds: number[] = []
  for (let i = 0; i < size.subjects; i += 10_000) {
    const rows = Array.from({ length: Math.min(10_000, size.subjects - i) }, (_, j) => ({ externalId: `user-${i + j}`, email: `user-${i + j}@example.com`, name: `User ${i + j}`, locale: 'en', createdAt: now, updatedAt: now }))
    for (let k = 0; k < rows.length; k += 500) {
      const inserted = (await adapter.drizzle.insert(adapter.tables.subjects as never).values(rows.slice(k, k + 500)).returning()) as Array<{ id: number }>
      subjectIds.push(...inserted.map((r) => r.id))
    }
  }
  // Acceptance k goes to subject k mod S and version floor(k / S): unique per subject and version.
  const start = Date.UTC(2024, 0, 1)
  for (let k = 0; k < size.acceptances; k += 10_000) {
    const rows = Array.from({ length: Math.min(10_000, size.acceptances - k) }, (_, j) => {
      const n = k + j
      const v = versions[Math.floor(n / subjectIds.length) % versions.length]
      return {
        subject: subjectIds[n % subjectIds.length], policy: v.policy, version: v.id, versionNumber: v.version, method: n % 3 ? 'clickwrap' : 'api', source: 'api',
        contentHash: v.contentHash, acceptedAt: new Date(start + n * 1000).toISOString(), locale: 'en', ip: `198.51.100.${n % 250}`, userAgent: 'Mozilla/5.0 (X11; Linux x86_64)', createdAt: now, updatedAt: now,
      }
    })
    await insert('acceptances', rows)
  }
  return versions
}

async function main(): Promise<void> {
  const size = { subjects: arg('subjects', 100_000), acceptances: arg('acceptances', 1_000_000), versions: arg('versions', 40) }
  const { startPayload } = await import('../../src/startPayload')
  const payload = await startPayload()
  const started = performance.now()
  const versions = await generateDataSet(payload, size)
  console.log(`Data set: ${size.subjects} subjects, ${size.acceptances} acceptances over ${versions.length} versions, in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  process.exit(0)
}

if (import.meta.url === `file://${process.argv[1]}`) void main()
