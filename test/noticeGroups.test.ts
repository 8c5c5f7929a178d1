import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { noticeSettings } from '../src/config/noticeSettings'
import { transitionNotices } from '../src/services/notices/transitionNotices'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { verifyLiveLedger } from './support/ledger'
import { publishVersion, termsInForce, testWorker, untilFinal } from './support/notices'
import { startSmtpSink, type SmtpSink } from './support/smtpSink'
import { startTestApp, type TestApp } from './support/testApp'

// Every transaction that records notice outcomes, seen through the real function.
vi.mock('../src/services/notices/transitionNotices', async (original) => {
  const real = (await original()) as typeof import('../src/services/notices/transitionNotices')
  return { transitionNotices: vi.fn(real.transitionNotices) }
})

const SUBJECTS = 120
/** The product's defaults, whatever this shell's NOTICE_* say. */
const defaults = noticeSettings({} as NodeJS.ProcessEnv)
let app: TestApp
let sink: SmtpSink

beforeAll(async () => {
  app = await startTestApp()
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink?.close()
  await app?.close()
})

describe('a batch of the default size', () => {
  it('is leased at once and its outcomes recorded 25 at a time as they come in, not in halves of the batch', async () => {
    expect(defaults.batchSize).toBe(200)
    const policy = await termsInForce(app.payload)
    await upsertSubjects(app.payload, Array.from({ length: SUBJECTS }, (_, i) => ({ externalId: `group-${i}`, email: `group-${i}@example.com` })))
    const version = await publishVersion(app.payload, policy.id, 'informational', '# Terms\n\nOne.\n\nTwo.')
    const recorded = vi.mocked(transitionNotices)
    recorded.mockClear()

    const worker = testWorker(app.payload, sink.url, { batchSize: defaults.batchSize, concurrency: 5, drain: true })
    await worker.done
    await untilFinal(app.payload, version.id)

    expect(worker.totals.claimed).toBe(SUBJECTS)
    expect(worker.totals.accepted).toBe(SUBJECTS)
    // One batch: before, its outcomes went in two transactions of 60.
    const sizes = recorded.mock.calls.map(([, changes]) => changes.length).filter((n) => n > 0)
    expect(sizes).toEqual([25, 25, 25, 25, 20])
    const { docs } = await app.payload.find({ collection: 'notices', where: { and: [{ version: { equals: version.id } }, { channel: { equals: 'email' } }] }, pagination: false, depth: 0 })
    expect(docs.map((n) => n.status)).toEqual(Array(SUBJECTS).fill('accepted'))
    await expect(verifyLiveLedger(app.payload)).resolves.toBe(true)
  }, 60_000)
})
