// Scenario 3's measured side in a process of its own, so the peak RSS it reports is that of the
// process that publishes to every subject and drains the outbox, not the benchmark's (data set,
// other scenarios, the direct-send baseline): started by scenarios/noticeFanout.ts on the
// benchmark's database, it takes one job over IPC, answers with its figures and exits.
import { peakRssMb } from '../../src/cli/peakRssMb'
import { noticeSettings } from '../../src/config/noticeSettings'
import { createMailTransport } from '../../src/mail/createMailTransport'
import { noticeCounts } from '../../src/services/notices/noticeCounts'
import { startNoticeWorker } from '../../src/services/notices/noticeWorker'
import { markdownToBody } from '../../src/services/publishing/lexicalMarkdown'
import { startPayload, stopPayload } from '../../src/startPayload'

/** What to publish, and where to send its emails. */
export interface PublishAndDrainJob {
  sinkUrl: string
  dataDir: string
  policy: number
  summary: string
  effectiveAt: string
  markdown: string
  from: { name: string; address: string }
  organisationName: string
  publicUrl: string
}

/** What the process measured. */
export interface PublishAndDrainFigures {
  publishS: number
  outboxS: number
  accepted: number
  dead: number
  peakRssMb: number
  /** Resident memory once Payload had started, before publishing: what the work added is the rest. */
  startedRssMb: number
}

const seconds = (since: number) => (performance.now() - since) / 1000

async function publishAndDrain(job: PublishAndDrainJob): Promise<PublishAndDrainFigures> {
  // The product's defaults, whatever this shell's NOTICE_* say.
  const settings = noticeSettings({} as NodeJS.ProcessEnv)
  const payload = await startPayload()
  const startedRssMb = Math.round(process.memoryUsage().rss / 2 ** 20)
  try {
    // Publish: the outbox (an email and a banner notice per subject, each in the ledger) is
    // written in the publishing transaction.
    let started = performance.now()
    const version = await payload.create({
      collection: 'policy-versions',
      data: { policy: job.policy, changeClass: 'material', summary: job.summary, effectiveAt: job.effectiveAt, body: (await markdownToBody(payload.config, job.markdown)) as never, _status: 'published' },
    })
    const publishS = seconds(started)

    // Drain: one worker with the product's default batch, concurrency and pool.
    const transport = createMailTransport(job.sinkUrl, job.dataDir)
    started = performance.now()
    const worker = startNoticeWorker({
      payload, transport, from: job.from, organisationName: job.organisationName, publicUrl: job.publicUrl, retryPolicy: settings.retryPolicy,
      batchSize: settings.batchSize, concurrency: settings.concurrency, leaseMs: settings.leaseMs, pollMs: 100, drain: true,
    })
    await worker.done
    const outboxS = seconds(started)
    transport.close()
    const counts = await noticeCounts(payload, version.id)
    return { publishS, outboxS, accepted: counts.email.accepted, dead: counts.email.dead, peakRssMb: peakRssMb(), startedRssMb }
  } finally {
    await stopPayload(payload)
  }
}

process.once('message', (job: PublishAndDrainJob) => {
  publishAndDrain(job).then(
    (figures) => process.send!({ figures }, () => process.exit(0)),
    (error: unknown) => process.send!({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1)),
  )
})
