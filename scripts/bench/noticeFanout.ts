// Notice fan-out: publishing a version to N subjects and sending every email through the outbox
// (leases, ledger, retries), against nodemailer sending the same messages straight to the same
// local SMTP sink with the same pool. Usage (from the repository root):
//   node --conditions=production --import tsx scripts/bench/noticeFanout.ts [--subjects 100000]
// DATABASE_URL=postgres://… runs on a fresh database on that server (dropped afterwards);
// otherwise on a fresh SQLite file.
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { nodeFlags } from '../nodeFlags.js'
import { scratchDatabase } from './scratchDatabase'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const SUBJECTS = arg('subjects', 100_000)
const CONCURRENCY = 5

interface SinkCount { received: number; distinct: number; duplicates: number }

async function startSink() {
  const child = fork(path.join(import.meta.dirname, 'smtpSinkProcess.ts'), { execArgv: nodeFlags, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const url = await new Promise<string>((resolve) => child.once('message', (m: { url: string }) => resolve(m.url)))
  const ask = <T>(type: string) => new Promise<T>((resolve) => {
    child.once('message', (m) => resolve(m as T))
    child.send({ type })
  })
  return { url, count: () => ask<SinkCount>('count'), reset: () => child.send({ type: 'reset' }), stop: () => child.kill() }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'assent-bench-'))
  const database = await scratchDatabase(process.env.DATABASE_URL, dataDir)
  Object.assign(process.env, { DATABASE_URL: database.url, ASSENT_DATA_DIR: dataDir, PAYLOAD_SECRET: 'bench', ASSENT_ENV: 'test', PUBLIC_URL: 'https://legal.example.com' })
  const sink = await startSink()
  const { startPayload } = await import('../../src/startPayload')
  const { closePayload } = await import('../../src/db/closePayload')
  const { createMailTransport } = await import('../../src/mail/createMailTransport')
  const { renderChangeNotice } = await import('../../src/mail/renderChangeNotice')
  const { changeNoticeContext } = await import('../../src/mail/changeNoticeContext')
  const { composeMessage } = await import('../../src/mail/composeMessage')
  const { sendRaw } = await import('../../src/mail/sendRaw')
  const { markdownToBody } = await import('../../src/services/lexicalMarkdown')
  const { startNoticeWorker } = await import('../../src/services/notices/noticeWorker')
  const { noticeCounts } = await import('../../src/services/notices/noticeCounts')
  const { sqlAdapter } = await import('../../src/db/sqlSession')
  const payload = await startPayload()
  const from = { name: 'Example Legal', address: 'legal@example.com' }
  try {
    const policy = await payload.create({ collection: 'policies', data: { title: 'Privacy Policy', slug: 'privacy', acceptanceMode: 'continued-use', noticePeriodDays: 30 } })
    const body = async (md: string) => (await markdownToBody(payload.config, md)) as never
    await payload.create({ collection: 'policy-versions', data: { policy: policy.id, changeClass: 'material', summary: 'First.', effectiveAt: '2020-01-01T00:00:00.000Z', body: await body('# Privacy\n\nOne.'), _status: 'published' }, context: { assentImport: true } })

    let t = performance.now()
    const adapter = sqlAdapter(payload)!
    const now = new Date().toISOString()
    for (let i = 0; i < SUBJECTS; i += 500) {
      const rows = Array.from({ length: Math.min(500, SUBJECTS - i) }, (_, j) => ({ externalId: `user-${i + j}`, email: `user-${i + j}@example.com`, name: `User ${i + j}`, locale: 'en', createdAt: now, updatedAt: now }))
      await adapter.drizzle.insert(adapter.tables.subjects as never).values(rows)
    }
    console.log(`${SUBJECTS} subjects inserted in ${((performance.now() - t) / 1000).toFixed(1)} s (${adapter.name})`)

    // Baseline: the same messages (rendered, built, streamed the same way), straight to the sink.
    const facts = { policySlug: 'privacy', policyTitle: 'Privacy Policy', acceptanceMode: 'continued-use' as const, version: 2, changeClass: 'material' as const, summary: 'Adds data retention.', effectiveAt: new Date(Date.now() + 40 * 86_400_000) }
    const direct = createMailTransport(sink.url, dataDir)
    t = performance.now()
    let next = 0
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < SUBJECTS; i = next++) {
        const mail = renderChangeNotice(changeNoticeContext(facts, { name: `User ${i}`, locale: 'en' }, 'https://legal.example.com', from.name))
        const message = await composeMessage(mail, from, `user-${i}@example.com`, `<direct-${i}@legal.example.com>`)
        const result = await sendRaw(direct, { from: from.address, to: `user-${i}@example.com` }, message.raw)
        if (result.code) throw new Error(`baseline send failed: ${result.message}`)
      }
    }))
    const baselineS = (performance.now() - t) / 1000
    direct.close()
    const baselineCount = await sink.count()
    sink.reset()

    // Scenario: publish (outbox written in the transaction), then one worker drains it.
    t = performance.now()
    const version = await payload.create({ collection: 'policy-versions', data: { policy: policy.id, changeClass: 'material', summary: 'Adds data retention.', effectiveAt: facts.effectiveAt.toISOString(), body: await body('# Privacy\n\nOne.\n\nTwo.'), _status: 'published' } })
    const publishS = (performance.now() - t) / 1000
    const rssAfterPublishMb = Math.round(process.resourceUsage().maxRSS / 1024)
    const transport = createMailTransport(sink.url, dataDir)
    t = performance.now()
    const worker = startNoticeWorker({ payload, transport, from, publicUrl: 'https://legal.example.com', retryPolicy: { maxAttempts: 8, baseMs: 1000, capMs: 10_000 }, batchSize: 50, concurrency: CONCURRENCY, leaseMs: 900_000, pollMs: 100, drain: true })
    await worker.done
    const sendS = (performance.now() - t) / 1000
    transport.close()
    const got = await sink.count()
    const counts = await noticeCounts(payload, version.id)

    const result = {
      database: adapter.name,
      subjects: SUBJECTS,
      baseline: { seconds: +baselineS.toFixed(2), perSecond: Math.round(SUBJECTS / baselineS), received: baselineCount.received },
      outbox: { publishSeconds: +publishS.toFixed(2), sendSeconds: +sendS.toFixed(2), perSecond: Math.round(SUBJECTS / sendS), received: got.received, distinct: got.distinct, duplicates: got.duplicates, lost: SUBJECTS - got.distinct, accepted: counts.email.accepted, dead: counts.email.dead },
      ratio: +((SUBJECTS / sendS) / (SUBJECTS / baselineS)).toFixed(2),
      peakRssMbAfterPublish: rssAfterPublishMb,
    }
    console.log(JSON.stringify(result, null, 2))
  } finally {
    sink.stop()
    await closePayload(payload)
    await database.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error)
  process.exit(1)
})
