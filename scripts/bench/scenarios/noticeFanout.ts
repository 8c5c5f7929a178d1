// Scenario 3, notice fan-out: publishing a material version of `privacy` to every subject and
// sending each email through the outbox (leases, ledger, retries) with one worker, against
// nodemailer sending the same messages straight to the same local SMTP sink with the same pool.
import { fork } from 'node:child_process'
import path from 'node:path'

import { nodeFlags } from '../../nodeFlags.js'
import type { BenchContext, ScenarioResult } from '../scenario'

const TARGET = 0.5
const FROM = { name: 'Example Legal', address: 'legal@example.com' }
const PUBLIC_URL = 'https://legal.example.com'

interface SinkCount {
  received: number
  distinct: number
  duplicates: number
}

/** The SMTP sink in its own process, so it shares no event loop with what is measured. */
async function startSink() {
  const child = fork(path.join(import.meta.dirname, '..', 'smtpSinkProcess.ts'), { execArgv: nodeFlags, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url))
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited (${code}) before it was ready`)))
  })
  const ask = <T>(type: string) => new Promise<T>((resolve) => {
    child.once('message', (m) => resolve(m as T))
    child.send({ type })
  })
  return { url, count: () => ask<SinkCount>('count'), reset: () => child.send({ type: 'reset' }), stop: () => child.kill() }
}

const seconds = (since: number) => (performance.now() - since) / 1000

/** Runs the fan-out scenario on the data set of `ctx` (see scripts/bench/scenario.ts). */
export async function noticeFanout(ctx: BenchContext): Promise<ScenarioResult> {
  const { payload } = ctx
  const { createMailTransport } = await import('../../../src/mail/createMailTransport')
  const { renderChangeNotice } = await import('../../../src/render/renderChangeNotice')
  const { changeNoticeContext } = await import('../../../src/mail/changeNoticeContext')
  const { composeMessage } = await import('../../../src/mail/composeMessage')
  const { sendRaw } = await import('../../../src/mail/sendRaw')
  const { markdownToBody } = await import('../../../src/services/publishing/lexicalMarkdown')
  const { startNoticeWorker } = await import('../../../src/services/notices/noticeWorker')
  const { noticeCounts } = await import('../../../src/services/notices/noticeCounts')
  const { noticeSettings } = await import('../../../src/config/noticeSettings')

  const subjects = ctx.size.subjects
  // The product's defaults, whatever this shell's NOTICE_* say.
  const settings = noticeSettings({} as NodeJS.ProcessEnv)
  const privacy = ctx.versions.filter((v) => v.slug === 'privacy')
  if (privacy.length === 0) throw new Error('the data set has no published version of `privacy`')
  const policy = await payload.findByID({ collection: 'policies', id: privacy[0].policy, depth: 0 })
  const summary = 'Adds how long we keep backups.'
  const effectiveAt = new Date(Date.now() + (policy.noticePeriodDays ?? 30) * 86_400_000 + 10 * 86_400_000)
  const facts = {
    policySlug: policy.slug, policyTitle: policy.title, acceptanceMode: policy.acceptanceMode, version: Math.max(...privacy.map((v) => v.version)) + 1,
    changeClass: 'material' as const, summary, effectiveAt,
  }

  const sink = await startSink()
  try {
    // Baseline: the same messages (rendered, built, streamed the same way), straight to the sink.
    const direct = createMailTransport(sink.url, ctx.dataDir)
    let started = performance.now()
    let next = 0
    await Promise.all(Array.from({ length: settings.concurrency }, async () => {
      for (let i = next++; i < subjects; i = next++) {
        const to = `user-${i}@example.com`
        const mail = renderChangeNotice(changeNoticeContext(facts, { name: `User ${i}`, locale: 'en' }, PUBLIC_URL, FROM.name))
        const message = await composeMessage(mail, FROM, to, `<direct-${i}@legal.example.com>`)
        const result = await sendRaw(direct, { from: FROM.address, to }, message.raw)
        if (result.code) throw new Error(`baseline send failed: ${result.message}`)
      }
    }))
    const baselineS = seconds(started)
    direct.close()
    const baselineCount = await sink.count()
    if (baselineCount.distinct !== subjects) throw new Error(`the baseline delivered ${baselineCount.distinct} of ${subjects} messages`)
    sink.reset()

    // Publish: the outbox (an email and a banner notice per subject, each in the ledger) is
    // written in the publishing transaction.
    const current = await payload.findByID({ collection: 'policy-versions', id: privacy.at(-1)!.id, depth: 0 })
    const markdown = `${current.text ?? '# Privacy Policy\n'}\n\n## Backups\n\nBackups are kept for 35 days.\n`
    started = performance.now()
    const version = await payload.create({
      collection: 'policy-versions',
      data: { policy: policy.id, changeClass: 'material', summary, effectiveAt: effectiveAt.toISOString(), body: (await markdownToBody(payload.config, markdown)) as never, _status: 'published' },
    })
    const publishS = seconds(started)

    // Drain: one worker with the product's default batch, concurrency and pool.
    const transport = createMailTransport(sink.url, ctx.dataDir)
    started = performance.now()
    const worker = startNoticeWorker({
      payload, transport, from: FROM, organisationName: 'Example Ltd', publicUrl: PUBLIC_URL, retryPolicy: settings.retryPolicy,
      batchSize: settings.batchSize, concurrency: settings.concurrency, leaseMs: settings.leaseMs, pollMs: 100, drain: true,
    })
    await worker.done
    const outboxS = seconds(started)
    transport.close()
    const got = await sink.count()
    const counts = await noticeCounts(payload, version.id)

    const baselineRate = subjects / baselineS
    const outboxRate = got.distinct / outboxS
    const ratio = outboxRate / baselineRate
    const lost = subjects - got.distinct
    return {
      id: 'fanout',
      title: `3. Notice fan-out to ${subjects.toLocaleString('en')} subjects`,
      scenario: { value: Math.round(outboxRate), unit: 'messages/s' },
      baseline: { value: Math.round(baselineRate), unit: 'messages/s' },
      ratio: +ratio.toFixed(2),
      target: `≥ ${TARGET}, 0 duplicates, 0 lost`,
      met: ratio >= TARGET && got.duplicates === 0 && lost === 0,
      details: {
        'publish s': +publishS.toFixed(1),
        'outbox s': +outboxS.toFixed(1),
        'baseline s': +baselineS.toFixed(1),
        received: got.received,
        distinct: got.distinct,
        duplicates: got.duplicates,
        lost,
        accepted: counts.email.accepted,
        dead: counts.email.dead,
        'peak RSS MB': Math.round(process.resourceUsage().maxRSS / 1024),
      },
    }
  } finally {
    sink.stop()
  }
}
