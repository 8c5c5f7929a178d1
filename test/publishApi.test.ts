import { describe, expect, it } from 'vitest'

import { makePolicy } from './support/fixtures'
import { useStaffApp } from './support/staff'

const staff = useStaffApp()

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString()
const revision = (over: Record<string, unknown> = {}) => ({
  markdown: '# Terms\n\n## Data Retention\n\nWe keep logs for 13 months.\n',
  changeClass: 'material',
  summary: 'Adds data retention periods.',
  effectiveAt: inDays(31),
  ...over,
})
const count = async (policyId: number | string) =>
  (await staff.app.payload.count({ collection: 'policy-versions', where: { policy: { equals: policyId } } })).totalDocs

describe('POST /api/v1/policies/:slug/versions', () => {
  it('publishes a version from Markdown for an editor', async () => {
    const policy = await makePolicy(staff.app.payload)
    const res = await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/versions`, revision())
    expect(res.status).toBe(201)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({ policy: policy.slug, version: 1, changeClass: 'material', summary: 'Adds data retention periods.' })
    expect(body.text).toBe('# Terms\n\n## Data Retention\n\nWe keep logs for 13 months.\n')
    expect(body.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(res.headers.get('location')).toBe(`/api/v1/policies/${policy.slug}/versions/1`)
  })

  it('numbers successive publications 1, 2', async () => {
    const policy = await makePolicy(staff.app.payload)
    await staff.request('admin', 'POST', `/api/v1/policies/${policy.slug}/versions`, revision())
    const res = await staff.request('admin', 'POST', `/api/v1/policies/${policy.slug}/versions`, revision({ effectiveAt: inDays(40) }))
    expect(((await res.json()) as { version: number }).version).toBe(2)
  })

  it('refuses anonymous callers with 401 and auditors with 403, writing nothing', async () => {
    const policy = await makePolicy(staff.app.payload)
    const anonymous = await staff.request('anonymous', 'POST', `/api/v1/policies/${policy.slug}/versions`, revision())
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('unauthenticated')
    const auditor = await staff.request('auditor', 'POST', `/api/v1/policies/${policy.slug}/versions`, revision())
    expect(auditor.status).toBe(403)
    expect(await count(policy.id)).toBe(0)
  })

  it('refuses a forged token with 401', async () => {
    const policy = await makePolicy(staff.app.payload)
    const res = await fetch(`${staff.app.baseUrl}/api/v1/policies/${policy.slug}/versions`, {
      method: 'POST',
      headers: { authorization: 'JWT not.a.token', 'content-type': 'application/json' },
      body: JSON.stringify(revision()),
    })
    expect(res.status).toBe(401)
  })

  it('answers 404 policy_not_found for an unknown policy', async () => {
    const res = await staff.request('editor', 'POST', '/api/v1/policies/no-such-policy/versions', revision())
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('policy_not_found')
  })

  it('answers 400 listing every invalid field', async () => {
    const policy = await makePolicy(staff.app.payload)
    const res = await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/versions`, { markdown: '', changeClass: 'huge', effectiveAt: 'next tuesday' })
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: { code: string; fields: { field: string }[] } }
    expect(error.code).toBe('validation_failed')
    expect(error.fields.map((f) => f.field).sort()).toEqual(['changeClass', 'effectiveAt', 'markdown', 'summary'])
    expect(await count(policy.id)).toBe(0)
  })

  it('answers 400 for a body that is not JSON, without a stack trace', async () => {
    const policy = await makePolicy(staff.app.payload)
    const res = await fetch(`${staff.app.baseUrl}/api/v1/policies/${policy.slug}/versions`, {
      method: 'POST',
      headers: { authorization: `JWT ${staff.tokens.editor}`, 'content-type': 'application/json' },
      body: '{"markdown": ',
    })
    expect(res.status).toBe(400)
    const text = await res.text()
    expect(JSON.parse(text).error.code).toBe('bad_request')
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/)
  })

  it('answers 422 for a material change inside the notice period, writing nothing', async () => {
    const policy = await makePolicy(staff.app.payload)
    const res = await staff.request('editor', 'POST', `/api/v1/policies/${policy.slug}/versions`, revision({ effectiveAt: inDays(3) }))
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('effective_date_too_early')
    expect(await count(policy.id)).toBe(0)
  })

  it('answers 404 with the error shape for an unknown Assent route', async () => {
    const res = await fetch(`${staff.app.baseUrl}/api/v1/nothing-here`)
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })
})

describe('GET /healthz', () => {
  it('answers 200 with the database kind and the app version', async () => {
    const res = await fetch(`${staff.app.baseUrl}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', database: staff.app.database.kind, version: '0.1.0' })
  })
})
