import { describe, expect, it } from 'vitest'

import { recordAcceptance } from '../src/services/acceptance/recordAcceptance'
import { subjectStatus } from '../src/services/acceptance/subjectStatus'
import { findVersion } from '../src/services/legalCenter/findVersion'
import { noticeCounts } from '../src/services/notices/noticeCounts'
import { seedPolicies } from '../src/services/publishing/seedPolicies'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { testWorker, untilFinal } from './support/notices'
import { beforeAllTests } from './support/beforeAllTests'
import { startSmtpSink } from './support/smtpSink'
import { startTestApp } from './support/testApp'

const SUBJECTS = 1000
const setup = beforeAllTests(async (closeAfter) => ({ app: closeAfter(await startTestApp()), sink: closeAfter(await startSmtpSink()) }))

describe("publishing the seed's material privacy version 2 to 1,000 subjects", () => {
  it('delivers exactly 1,000 emails to the SMTP server, one per subject, and the counts say so', async () => {
    for (let i = 0; i < SUBJECTS; i += 250) {
      await upsertSubjects(setup.app.payload, Array.from({ length: 250 }, (_, j) => ({ externalId: `user-${i + j}`, email: `user-${i + j}@example.com`, name: `User ${i + j}` })))
    }
    const published = performance.now()
    await seedPolicies(setup.app.payload) // version 1 is imported history; version 2 is published now
    const publishMs = performance.now() - published
    const { version } = await findVersion(setup.app.payload, 'privacy', 2)
    expect(await noticeCounts(setup.app.payload, version.id)).toMatchObject({ email: { pending: SUBJECTS, total: SUBJECTS }, banner: { pending: SUBJECTS, total: SUBJECTS } })
    const terms = await findVersion(setup.app.payload, 'terms', 1)
    expect((await noticeCounts(setup.app.payload, terms.version.id)).email.total).toBe(0)

    const started = performance.now()
    const worker = testWorker(setup.app.payload, setup.sink.url, { batchSize: 50 })
    await untilFinal(setup.app.payload, version.id, 120_000)
    const sendMs = performance.now() - started
    await worker.stop()

    expect(setup.sink.received).toHaveLength(SUBJECTS)
    expect(new Set(setup.sink.received.map((m) => m.messageId)).size).toBe(SUBJECTS)
    expect(new Set(setup.sink.received.flatMap((m) => m.to)).size).toBe(SUBJECTS)
    expect(setup.sink.received.every((m) => m.raw.includes('Update to our Privacy Policy'))).toBe(true)
    expect(await noticeCounts(setup.app.payload, version.id)).toMatchObject({ email: { accepted: SUBJECTS, pending: 0, uncertain: 0, dead: 0 } })

    // Privacy is accepted by continued use: once version 2 is in force, the delivered email is the notice relied on.
    const v1 = await findVersion(setup.app.payload, 'privacy', 1)
    await recordAcceptance(setup.app.payload, { subject: 'user-0', versions: [{ policy: 'privacy', version: 1, contentHash: v1.version.contentHash! }], method: 'api', source: 'api' }, { now: new Date() })
    const afterEffect = new Date(new Date(version.effectiveAt!).getTime() + 86_400_000)
    await subjectStatus(setup.app.payload, 'user-0', { now: afterEffect, publicUrl: 'https://legal.example.com' })
    const subject = (await setup.app.payload.find({ collection: 'subjects', where: { externalId: { equals: 'user-0' } } })).docs[0]
    const deemed = (await setup.app.payload.find({ collection: 'acceptances', where: { and: [{ subject: { equals: subject.id } }, { versionNumber: { equals: 2 } }] } })).docs[0]
    expect(deemed).toMatchObject({ method: 'continued-use' })
    expect(deemed.notices).toEqual([{ id: expect.anything(), channel: 'email', reachedAt: expect.any(String) }])
    console.log(`seed privacy v2 to ${SUBJECTS} subjects: publish with outbox ${publishMs.toFixed(0)} ms; ${SUBJECTS} emails accepted in ${sendMs.toFixed(0)} ms (${((SUBJECTS / sendMs) * 1000).toFixed(0)}/s, ${setup.app.database.kind})`)
  }, 180_000)
})
