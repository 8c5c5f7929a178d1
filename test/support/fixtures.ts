import type { Payload } from 'payload'

import { markdownToBody } from '../../src/services/publishing/lexicalMarkdown'

let counter = 0
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`

/** A policy with a fresh slug. */
export async function makePolicy(payload: Payload, over: Record<string, unknown> = {}) {
  return payload.create({ collection: 'policies', data: { title: 'Test policy', slug: unique('policy'), noticePeriodDays: 30, acceptanceMode: 'clickwrap', ...over } as never })
}

/** A version of `policyId`: a draft unless `_status: 'published'` is passed. */
export async function makeVersion(payload: Payload, policyId: number | string, over: Record<string, unknown> = {}, markdown = '# Policy\n\nWe keep your data safe.') {
  return payload.create({
    collection: 'policy-versions',
    data: {
      policy: policyId,
      changeClass: 'editorial',
      summary: 'A change',
      body: (await markdownToBody(payload.config, markdown)) as never,
      ...over,
    } as never,
    draft: over._status !== 'published',
  })
}

export async function makeSubject(payload: Payload) {
  return payload.create({ collection: 'subjects', data: { externalId: unique('user'), email: 'person@example.com' } })
}
