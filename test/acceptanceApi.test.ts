import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApiKey } from '../src/services/staff/apiKeys'
import { startSeededTestApp } from './support/startSeededTestApp'
import type { TestApp } from './support/testApp'

let app: TestApp
let integrationKey: string
let auditKey: string

beforeAll(async () => {
  // A file, so SQLite runs take the lean write path production takes (a SQLite file).
  app = await startSeededTestApp({ sharedDatabase: true })
  integrationKey = (await createApiKey(app.payload, 'host product', 'integration')).key
  auditKey = (await createApiKey(app.payload, 'auditors', 'audit')).key
})
afterAll(() => app?.close())

const call = (method: string, path: string, body?: unknown, key = integrationKey) =>
  fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
const jsonOf = async (res: Response) => (await res.json()) as Record<string, any>
const count = async (collection: 'acceptances' | 'notices', where = {}) => (await app.payload.count({ collection, where })).totalDocs

async function owed(subject: string, slug: string) {
  const status = await jsonOf(await call('GET', `/api/v1/subjects/${subject}/status`))
  return status.policies.find((p: { policy: string }) => p.policy === slug).owed
}

describe('API keys', () => {
  it('refuses a missing or unknown key with 401 and a key of another scope with 403', async () => {
    expect((await fetch(`${app.baseUrl}/api/v1/subjects/u/status`)).status).toBe(401)
    expect((await call('GET', '/api/v1/subjects/u/status', undefined, 'assent_not-a-real-key-000000000000')).status).toBe(401)
    const wrongScope = await call('GET', '/api/v1/subjects/u/status', undefined, auditKey)
    expect(wrongScope.status).toBe(403)
    expect((await jsonOf(wrongScope)).error.code).toBe('forbidden')
  })

  it('refuses a revoked key from the very next request', async () => {
    const { key, id } = await createApiKey(app.payload, 'soon revoked', 'integration')
    expect((await call('PUT', '/api/v1/subjects/revoke-check', {}, key)).status).toBeLessThan(300)
    await app.payload.update({ collection: 'api-keys', id, data: { revokedAt: new Date().toISOString() } })
    expect((await call('PUT', '/api/v1/subjects/revoke-check', {}, key)).status).toBe(401)
  })

  it("checks the status check's key in its read: without a valid key nothing of the subject is told, created or recorded", async () => {
    const subject = 'key-in-read'
    expect((await call('PUT', `/api/v1/subjects/${subject}`, { email: 'key-in-read@example.com' })).status).toBe(201)
    const { key: revoked, id } = await createApiKey(app.payload, 'revoked in the read', 'integration')
    expect((await call('GET', `/api/v1/subjects/${subject}/status`, undefined, revoked)).status).toBe(200)
    await app.payload.update({ collection: 'api-keys', id, data: { revokedAt: new Date().toISOString() } })
    const subjectId = (await app.payload.find({ collection: 'subjects', where: { externalId: { equals: subject } }, limit: 1 })).docs[0].id
    const reached = () => count('notices', { and: [{ subject: { equals: subjectId } }, { channel: { equals: 'banner' } }, { reachedAt: { exists: true } }] })
    const reachedBefore = await reached()
    const subjectsBefore = (await app.payload.count({ collection: 'subjects' })).totalDocs
    const refusals: Array<[string, number, string]> = [
      [revoked, 401, 'unauthenticated'],
      ['assent_not-a-real-key-000000000000', 401, 'unauthenticated'],
      [auditKey, 403, 'forbidden'],
    ]
    for (const [key, status, code] of refusals) {
      for (const path of [`/api/v1/subjects/${subject}/status?record=display`, '/api/v1/subjects/created-without-key/status?create=true', `/api/v1/subjects/${'x'.repeat(5000)}/status`]) {
        const res = await call('GET', path, undefined, key)
        const body = await res.text()
        expect([res.status, JSON.parse(body).error.code]).toEqual([status, code])
        expect(body).not.toContain(subject)
      }
    }
    // Nothing created, no banner display recorded as evidence of notice.
    expect((await app.payload.count({ collection: 'subjects' })).totalDocs).toBe(subjectsBefore)
    expect(await reached()).toBe(reachedBefore)
    // With a valid key, the id's own problem is told, and the display is recorded.
    expect((await call('GET', `/api/v1/subjects/${'x'.repeat(5000)}/status`)).status).toBe(400)
    expect((await call('GET', `/api/v1/subjects/${subject}/status?record=display`)).status).toBe(200)
    expect(await reached()).toBeGreaterThan(reachedBefore)
  })

  it('stores only the hash of a key, never the key', async () => {
    const { key, id } = await createApiKey(app.payload, 'stored', 'audit')
    const raw = await app.payload.findByID({ collection: 'api-keys', id, showHiddenFields: true })
    expect(JSON.stringify(raw)).not.toContain(key)
    expect(raw.keyHash).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('subjects', () => {
  it('upserts a subject by external id', async () => {
    expect((await call('PUT', '/api/v1/subjects/user-1', { email: 'one@example.com', locale: 'en' })).status).toBe(201)
    const again = await call('PUT', '/api/v1/subjects/user-1', { name: 'One' })
    expect(again.status).toBe(200)
    expect(await jsonOf(again)).toEqual({ externalId: 'user-1', email: 'one@example.com', locale: 'en', name: 'One' })
  })

  it('upserts many subjects in one call', async () => {
    const subjects = Array.from({ length: 50 }, (_, i) => ({ externalId: `bulk-${i}`, email: `bulk${i}@example.com` }))
    expect(await jsonOf(await call('PUT', '/api/v1/subjects', { subjects }))).toEqual({ created: 50, updated: 0 })
  })

  it('answers 400 listing the bad fields, writing nothing', async () => {
    const res = await call('PUT', '/api/v1/subjects', { subjects: [{ externalId: 'bad-1', email: 'not-an-email' }] })
    expect(res.status).toBe(400)
    expect((await jsonOf(res)).error.fields[0].field).toBe('subjects.0.email')
    expect((await app.payload.count({ collection: 'subjects', where: { externalId: { equals: 'bad-1' } } })).totalDocs).toBe(0)
  })
})

describe('status', () => {
  it('answers 404 for an unknown subject unless asked to create it', async () => {
    const res = await call('GET', '/api/v1/subjects/nobody-yet/status')
    expect(res.status).toBe(404)
    expect((await jsonOf(res)).error.code).toBe('subject_not_found')
    expect((await call('GET', '/api/v1/subjects/nobody-yet/status?create=true')).status).toBe(200)
  })

  it('asks a new subject to accept the terms in force, with hash, redline and a ready banner', async () => {
    await call('PUT', '/api/v1/subjects/new-user', {})
    const res = await call('GET', '/api/v1/subjects/new-user/status')
    // Personal and true only now: no cache keeps it, nor revalidates it by an entity tag.
    expect([res.headers.get('cache-control'), res.headers.get('etag'), res.headers.get('content-type')]).toEqual(['no-store', null, 'application/json; charset=utf-8'])
    const text = await res.text()
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text))
    const status = JSON.parse(text) as Record<string, any>
    // The same answer, word for word, when asked again: the parts kept for this place are written
    // from the JSON kept with them (test/keptJson.test.ts compares that JSON with JSON.stringify).
    expect(await (await call('GET', '/api/v1/subjects/new-user/status')).text()).toBe(text)
    expect(status.current).toBe(false)
    const terms = status.policies.find((p: { policy: string }) => p.policy === 'terms')
    expect(terms.owed).toMatchObject({ action: 'accept', version: 1, upcoming: false })
    expect(terms.owed.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(status.banner.html).toMatch(/By clicking Accept you agree to the <a href="http[^"]+\/legal\/terms\/versions\/1"[^>]*>Terms of Service<\/a>\./)
    expect(status.banner.html).toContain('href="http')
    expect(status.bundles).toEqual([{ bundle: 'account', policies: expect.arrayContaining(['terms', 'privacy']) }])
  })

  it('records the banner display as a notice when asked', async () => {
    await call('PUT', '/api/v1/subjects/shown', {})
    await call('GET', '/api/v1/subjects/shown/status?record=display')
    await call('GET', '/api/v1/subjects/shown/status?record=display')
    const subject = (await app.payload.find({ collection: 'subjects', where: { externalId: { equals: 'shown' } } })).docs[0]
    expect(await count('notices', { subject: { equals: subject.id } })).toBe(2)
  })
})

describe('acceptances', () => {
  let termsHash: string
  beforeAll(async () => {
    termsHash = (await jsonOf(await fetch(`${app.baseUrl}/api/v1/policies/terms/versions/1`))).contentHash
  })
  const acceptTerms = (subject: string, extra: Record<string, unknown> = {}) =>
    call('POST', '/api/v1/acceptances', { subject, versions: [{ policy: 'terms', version: 1, contentHash: termsHash }], method: 'clickwrap', source: 'login-banner', ...extra })

  it('records an explicit acceptance with context, after which nothing is owed for that policy', async () => {
    await call('PUT', '/api/v1/subjects/accepter', {})
    const res = await acceptTerms('accepter')
    expect(res.status).toBe(201)
    expect((await jsonOf(res)).acceptances).toEqual([expect.objectContaining({ policy: 'terms', version: 1, method: 'clickwrap', alreadyAccepted: false })])
    expect(await owed('accepter', 'terms')).toBeNull()
    const stored = (await app.payload.find({ collection: 'acceptances', where: { source: { equals: 'login-banner' } }, depth: 0 })).docs[0]
    expect(stored.ip).toBeTruthy()
    expect(stored.userAgent).toBeTruthy()
  })

  it('replays the same answer for the same idempotency key and refuses another body under it', async () => {
    await call('PUT', '/api/v1/subjects/replayer', {})
    const first = await jsonOf(await acceptTerms('replayer', { idempotencyKey: 'key-replay-0001' }))
    const before = await count('acceptances')
    expect(await jsonOf(await acceptTerms('replayer', { idempotencyKey: 'key-replay-0001' }))).toEqual(first)
    expect(await count('acceptances')).toBe(before)
    const conflict = await acceptTerms('replayer', { idempotencyKey: 'key-replay-0001', locale: 'fr' })
    expect(conflict.status).toBe(409)
    expect((await jsonOf(conflict)).error.code).toBe('idempotency_conflict')
  })

  it('makes one record of a hundred concurrent identical clicks', async () => {
    await call('PUT', '/api/v1/subjects/double-clicker', {})
    const results = await Promise.all(Array.from({ length: 100 }, () => acceptTerms('double-clicker')))
    expect(results.every((r) => r.status < 300)).toBe(true)
    const subject = (await app.payload.find({ collection: 'subjects', where: { externalId: { equals: 'double-clicker' } } })).docs[0]
    expect(await count('acceptances', { subject: { equals: subject.id } })).toBe(1)
  })

  it('refuses a stale content hash with 409, writing nothing', async () => {
    await call('PUT', '/api/v1/subjects/stale', {})
    const before = await count('acceptances')
    const res = await call('POST', '/api/v1/acceptances', { subject: 'stale', versions: [{ policy: 'terms', version: 1, contentHash: 'a'.repeat(64) }] })
    expect(res.status).toBe(409)
    expect((await jsonOf(res)).error.code).toBe('stale_content_hash')
    expect(await count('acceptances')).toBe(before)
  })

  it('refuses a superseded version, an unknown version and an unknown subject', async () => {
    await call('PUT', '/api/v1/subjects/late', {})
    const notFound = await call('POST', '/api/v1/acceptances', { subject: 'late', versions: [{ policy: 'terms', version: 9, contentHash: 'a'.repeat(64) }] })
    expect(notFound.status).toBe(404)
    const noSubject = await call('POST', '/api/v1/acceptances', { subject: 'ghost', versions: [{ policy: 'terms', version: 1, contentHash: 'a'.repeat(64) }] })
    expect((await jsonOf(noSubject)).error.code).toBe('subject_not_found')
  })

  it('answers 400 listing the fields of a malformed body', async () => {
    const res = await call('POST', '/api/v1/acceptances', { subject: '', versions: [{ policy: 'Terms', version: 0 }] })
    expect(res.status).toBe(400)
    const fields = (await jsonOf(res)).error.fields.map((f: { field: string }) => f.field)
    expect(fields).toEqual(expect.arrayContaining(['subject', 'versions.0.policy', 'versions.0.version', 'versions.0.contentHash']))
  })

  it('cannot be changed or deleted by anyone, admins included', async () => {
    const [acceptance] = (await app.payload.find({ collection: 'acceptances', limit: 1 })).docs
    await expect(app.payload.update({ collection: 'acceptances', id: acceptance.id, data: { method: 'api' } })).rejects.toMatchObject({ code: 'record_immutable' })
    await expect(app.payload.delete({ collection: 'acceptances', id: acceptance.id })).rejects.toMatchObject({ code: 'record_immutable' })
  })
})

describe('banner tokens', () => {
  it('lets the banner read and accept for its own subject only', async () => {
    await call('PUT', '/api/v1/subjects/token-user', {})
    const { token } = await jsonOf(await call('POST', '/api/v1/subjects/token-user/token'))
    const status = await jsonOf(await fetch(`${app.baseUrl}/embed/v1/status`, { headers: { authorization: `Bearer ${token}` } }))
    expect(status.subject).toBe('token-user')
    const forged = `${Buffer.from(JSON.stringify({ sub: 'accepter', exp: 9999999999 })).toString('base64url')}.${token.split('.')[1]}`
    const refused = await fetch(`${app.baseUrl}/embed/v1/status`, { headers: { authorization: `Bearer ${forged}` } })
    expect(refused.status).toBe(401)
    expect((await jsonOf(refused)).error.code).toBe('token_invalid')
  })
})
