// Scenario 3, notice fan-out: publishing a material version of `privacy` to every subject and
// sending each email through the outbox (leases, ledger, retries) with one worker, in a process of
// its own, against nodemailer sending the same messages straight to the same local SMTP sink with
// the same pool, once before the publication and once after the drain.
import { fork } from 'node:child_process'
import path from 'node:path'

import { nodeFlags } from '../../nodeFlags.js'
import { median } from '../median'
import { medianRatio } from '../medianRatio'
import type { PublishAndDrainFigures, PublishAndDrainJob } from '../publishAndDrainProcess'
import type { BenchContext, ScenarioResult } from '../scenario'

const TARGET = 0.5
const PEAK_RSS_MB = 512
const FROM = { name: 'Example Legal', address: 'legal@example.com' }
const PUBLIC_URL = 'https://legal.example.com'

interface SinkCount {
  received: number
  distinct: number
  duplicates: number
}

/** Forks `script` of scripts/bench with Node's flags, stdout and stderr shared, and no notice
 * worker of Payload's own: the scenario drains with exactly one. With `--cpu-prof`, the process
 * that publishes and drains writes a CPU profile as it exits. */
const forkBenchProcess = (script: string) => {
  const profile = process.env.BENCH_CPU_PROF_DIR && script === 'publishAndDrainProcess.ts' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : []
  return fork(path.join(import.meta.dirname, '..', script), { execArgv: [...nodeFlags, ...profile], env: { ...process.env, NOTICE_WORKER: 'off' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
}

/** The SMTP sink in its own process, so it shares no event loop with what is measured. */
async function startSink() {
  const child = forkBenchProcess('smtpSinkProcess.ts')
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

/** Publishes and drains in a process of its own (publishAndDrainProcess.ts), so its peak RSS is its own. */
function publishAndDrain(job: PublishAndDrainJob): Promise<PublishAndDrainFigures> {
  const child = forkBenchProcess('publishAndDrainProcess.ts')
  return new Promise((resolve, reject) => {
    child.once('message', (m: { figures?: PublishAndDrainFigures; error?: string }) => (m.figures ? resolve(m.figures) : reject(new Error(`publishing and draining failed: ${m.error}`))))
    child.once('exit', (code) => reject(new Error(`the publishing process exited (${code}) before it answered`)))
    child.send(job)
  })
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
  /** Baseline: the same messages (rendered, built, streamed the same way), straight to the sink; seconds. */
  const sendDirect = async () => {
    sink.reset()
    const direct = createMailTransport(sink.url, ctx.dataDir)
    const started = performance.now()
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
    const count = await sink.count()
    if (count.distinct !== subjects) throw new Error(`the baseline delivered ${count.distinct} of ${subjects} messages`)
    return baselineS
  }
  try {
    // Too long to repeat at 100,000 subjects: the baseline runs before and after, the ratio to each is reported.
    const before = await sendDirect()
    sink.reset()
    const current = await payload.findByID({ collection: 'policy-versions', id: privacy.at(-1)!.id, depth: 0 })
    const fanout = await publishAndDrain({
      sinkUrl: sink.url, dataDir: ctx.dataDir, policy: policy.id, summary, effectiveAt: effectiveAt.toISOString(),
      markdown: `${current.text ?? '# Privacy Policy\n'}\n\n## Backups\n\nBackups are kept for 35 days.\n`, from: FROM, organisationName: 'Example Ltd', publicUrl: PUBLIC_URL,
    })
    const got = await sink.count()
    const after = await sendDirect()

    const outboxRate = got.distinct / fanout.outboxS
    const ratios = [before, after].map((baselineS) => +(outboxRate / (subjects / baselineS)).toFixed(2))
    const { ratio, range } = medianRatio(ratios)
    const lost = subjects - got.distinct
    return {
      id: 'fanout',
      title: `3. Notice fan-out to ${subjects.toLocaleString('en')} subjects`,
      scenario: { value: Math.round(outboxRate), unit: 'messages/s' },
      baseline: { value: Math.round(median([subjects / before, subjects / after])), unit: 'messages/s' },
      ratio,
      target: `≥ ${TARGET}, 0 duplicates, 0 lost, peak RSS < ${PEAK_RSS_MB} MB`,
      met: ratio >= TARGET && got.duplicates === 0 && lost === 0 && fanout.peakRssMb < PEAK_RSS_MB,
      details: {
        'ratio range': range,
        'ratio to the baseline before': ratios[0],
        'ratio to the baseline after': ratios[1],
        'publish s': +fanout.publishS.toFixed(1),
        'outbox s': +fanout.outboxS.toFixed(1),
        'baseline s before': +before.toFixed(1),
        'baseline s after': +after.toFixed(1),
        received: got.received,
        distinct: got.distinct,
        duplicates: got.duplicates,
        lost,
        accepted: fanout.accepted,
        dead: fanout.dead,
        'publish and drain process peak RSS MB': fanout.peakRssMb,
        'its RSS once started MB': fanout.startedRssMb,
      },
    }
  } finally {
    sink.stop()
  }
}
