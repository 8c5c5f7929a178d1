import type { Payload } from 'payload'

import type { RetryPolicy } from '../../src/domain/noticeAttempt'
import { createMailTransport } from '../../src/mail/createMailTransport'
import { markdownToBody } from '../../src/services/publishing/lexicalMarkdown'
import { startNoticeWorker, type NoticeWorker, type WorkerOptions } from '../../src/services/notices/noticeWorker'

/** Fast retries, so a test sees every notice reach a final state in well under a second. */
export const fastRetries: RetryPolicy = { maxAttempts: 3, baseMs: 20, capMs: 100 }

/** Publishes a version of `policyId` as the Local API would for an editor. */
export async function publishVersion(payload: Payload, policyId: number, changeClass: 'editorial' | 'informational' | 'material', markdown: string, effectiveAt = new Date(Date.now() + 40 * 86_400_000)) {
  return payload.create({
    collection: 'policy-versions',
    data: { policy: policyId, changeClass, summary: `A ${changeClass} change.`, effectiveAt: effectiveAt.toISOString(), body: (await markdownToBody(payload.config, markdown)) as never, _status: 'published' },
  })
}

/** A clickwrap policy "Terms" (`terms`) with a first version imported as history, in force since
 * 2020 and announced to no one: notices then come only from the versions a test publishes. */
export async function termsInForce(payload: Payload) {
  const policy = await payload.create({ collection: 'policies', data: { title: 'Terms', slug: 'terms', acceptanceMode: 'clickwrap', noticePeriodDays: 30 } })
  await payload.create({
    collection: 'policy-versions',
    data: { policy: policy.id, changeClass: 'material', summary: 'First.', effectiveAt: '2020-01-01T00:00:00.000Z', body: (await markdownToBody(payload.config, '# Terms\n\nOne.')) as never, _status: 'published' },
    context: { assentImport: true },
  })
  return policy
}

/** A worker on `smtpUrl` with test pacing; `overrides` tune it. */
export function testWorker(payload: Payload, smtpUrl: string, overrides: Partial<WorkerOptions> = {}): NoticeWorker {
  const transport = createMailTransport(smtpUrl, '/nonexistent')
  const worker = startNoticeWorker({
    payload,
    transport,
    from: { name: 'Example Legal', address: 'legal@example.com' },
    organisationName: 'Example Ltd',
    publicUrl: 'https://legal.example.com',
    retryPolicy: fastRetries,
    batchSize: 20,
    concurrency: 5,
    leaseMs: 60_000,
    pollMs: 20,
    ...overrides,
  })
  void worker.done.finally(() => transport.close())
  return worker
}

const FINAL = ['accepted', 'dead']

/** Waits until every email notice of `versionId` is accepted or dead. */
export async function untilFinal(payload: Payload, versionId: number | string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const open = await payload.count({ collection: 'notices', where: { and: [{ version: { equals: versionId } }, { channel: { equals: 'email' } }, { status: { not_in: FINAL } }] } })
    if (open.totalDocs === 0) return
    if (Date.now() > deadline) throw new Error(`${open.totalDocs} email notices still open after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
