// Notice fan-out on its own (scenario 3 of `npm run bench`, without the rest of the data set):
// subjects and one published `privacy` version, then the scenario. Usage (repository root):
//   node --conditions=production --import tsx scripts/bench/noticeFanout.ts [--subjects 100000]
// DATABASE_URL=postgres://… runs on a fresh database on that server (dropped afterwards);
// otherwise on a fresh SQLite file.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { BenchContext } from './scenario'
import { noticeFanout } from './scenarios/noticeFanout'
import { scratchDatabase } from './scratchDatabase'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}

async function main(): Promise<void> {
  const subjects = arg('subjects', 100_000)
  const dataDir = mkdtempSync(path.join(tmpdir(), 'assent-bench-'))
  const database = await scratchDatabase(process.env.DATABASE_URL, dataDir)
  Object.assign(process.env, { DATABASE_URL: database.url, ASSENT_DATA_DIR: dataDir, PAYLOAD_SECRET: 'bench', ASSENT_ENV: 'test', PUBLIC_URL: 'https://legal.example.com' })
  const { startPayload } = await import('../../src/startPayload')
  const { closeDatabase: closePayload } = await import('../../src/store/database/closeDatabase')
  const { markdownToBody } = await import('../../src/services/publishing/lexicalMarkdown')
  const { sqlAdapter } = await import('../../src/db/sqlSession')
  const payload = await startPayload()
  try {
    const adapter = sqlAdapter(payload)
    if (!adapter) throw new Error('the fan-out benchmark runs on SQLite or PostgreSQL')
    const policy = await payload.create({ collection: 'policies', data: { title: 'Privacy Policy', slug: 'privacy', acceptanceMode: 'continued-use', noticePeriodDays: 30 } })
    const first = await payload.create({
      collection: 'policy-versions',
      data: { policy: policy.id, changeClass: 'material', summary: 'First.', effectiveAt: '2020-01-01T00:00:00.000Z', body: (await markdownToBody(payload.config, '# Privacy Policy\n\nOne.')) as never, _status: 'published' },
      context: { assentImport: true },
    })
    const now = new Date().toISOString()
    for (let i = 0; i < subjects; i += 500) {
      const rows = Array.from({ length: Math.min(500, subjects - i) }, (_, j) => ({ externalId: `user-${i + j}`, email: `user-${i + j}@example.com`, name: `User ${i + j}`, locale: 'en', createdAt: now, updatedAt: now }))
      await adapter.drizzle.insert(adapter.tables.subjects as never).values(rows)
    }
    const ctx: BenchContext = {
      payload,
      databaseUrl: database.url,
      dataDir,
      size: { subjects, acceptances: 0, versions: 1 },
      versions: [{ id: first.id, policy: policy.id, slug: 'privacy', version: first.version!, contentHash: first.contentHash! }],
      subjectId: (i) => `user-${i}`,
    }
    console.log(JSON.stringify({ database: adapter.name, ...(await noticeFanout(ctx)) }, null, 2))
  } finally {
    await closePayload(payload)
    await database.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error)
  process.exit(1)
})
