import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { subjectStatus } from '../src/services/acceptance/subjectStatus'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { noticeCounts } from '../src/services/notices/noticeCounts'
import { seedPolicies } from '../src/services/publishing/seedPolicies'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { testWorker, untilFinal } from './support/notices'
import { startSmtpSink, type SmtpSink } from './support/smtpSink'
import { startTestApp, type TestApp } from './support/testApp'

const SUBJECTS = 1000
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

describe("publishing the seed's material privacy version 2 to 1,000 subjects", () => {
  it('delivers exactly 1,000 emails to the SMTP server, one per subject, and the counts say so', async () => {
    for (let i = 0; i < SUBJECTS; i += 250) {
      await upsertSubjects(app.payload, Array.from({ length: 250 }, (_, j) => ({ externalId: `user-${i + j}`, email: `user-${i + j}@example.com`, name: `User ${i + j}` })))
    }
    const published = performance.now()
    await seedPolicies(app.payload) // version 1 is imported history; version 2 is published now
    const publishMs = performance.now() - published
    const { version } = await findVersion(app.payload, 'privacy', 2)
    expect(await noticeCounts(app.payload, version.id)).toMatchObject({ email: { pending: SUBJECTS, total: SUBJECTS }, banner: { pending: SUBJECTS, total: SUBJECTS } })
    const terms = await findVersion(app.payload, 'terms', 1)
    expect((await noticeCounts(app.payload, terms.version.id)).email.total).toBe(0)

    const started = performance.now()
    const worker = testWorker(app.payload, sink.url, { batchSize: 50 })
    await untilFinal(app.payload, version.id, 120_000)
    const sendMs = performance.now() - started
    await worker.stop()

    expect(sink.received).toHaveLength(SUBJECTS)
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(SUBJECTS)
    expect(new Set(sink.received.flatMap((m) => m.to)).size).toBe(SUBJECTS)
    expect(sink.received.every((m) => m.raw.includes('Update to our Privacy Policy'))).toBe(true)
    expect(await noticeCounts(app.payload, version.id)).toMatchObject({ email: { accepted: SUBJECTS, pending: 0, uncertain: 0, dead: 0 } })

    // Privacy is accepted by continued use: once version 2 is in force, the delivered email is the notice relied on.
    const v1 = await findVersion(app.payload, 'privacy', 1)
    await recordAcceptance(app.payload, { subject: 'user-0', versions: [{ policy: 'privacy', version: 1, contentHash: v1.version.contentHash! }], method: 'api', source: 'api' }, { now: new Date() })
    const afterEffect = new Date(new Date(version.effectiveAt!).getTime() + 86_400_000)
    await subjectStatus(app.payload, 'user-0', { now: afterEffect, publicUrl: 'https://legal.example.com' })
    const subject = (await app.payload.find({ collection: 'subjects', where: { externalId: { equals: 'user-0' } } })).docs[0]
    const deemed = (await app.payload.find({ collection: 'acceptances', where: { and: [{ subject: { equals: subject.id } }, { versionNumber: { equals: 2 } }] } })).docs[0]
    expect(deemed).toMatchObject({ method: 'continued-use' })
    expect(deemed.notices).toEqual([{ id: expect.anything(), channel: 'email', reachedAt: expect.any(String) }])
    console.log(`seed privacy v2 to ${SUBJECTS} subjects: publish with outbox ${publishMs.toFixed(0)} ms; ${SUBJECTS} emails accepted in ${sendMs.toFixed(0)} ms (${((SUBJECTS / sendMs) * 1000).toFixed(0)}/s, ${app.database.kind})`)
  }, 180_000)
})
