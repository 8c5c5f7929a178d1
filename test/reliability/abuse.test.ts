import { describe, expect, it } from 'vitest'

import { createApiKey } from '../../src/services/staff/apiKeys'
import { upsertSubjects } from '../../src/services/subjects/upsertSubjects'
import { makePolicy, makeVersion } from '../support/fixtures'
import { loginStaff } from '../support/staff'
import { beforeAllTests } from '../support/beforeAllTests'
import { startTestApp } from '../support/testApp'
import { recordFigure } from './figures'

const setup = beforeAllTests(async (closeAfter) => {
  const app = closeAfter(await startTestApp())
  const jwt = await loginStaff(app.payload, app.baseUrl)
  /** The editor's login as the admin's browser gets it: a Set-Cookie (before the login limit is hit). */
  const editorLogin = await post('/api/users/login', { email: 'editor@example.com', password: 'correct-horse-battery-staple' }, { origin: 'http://localhost:3000' }, app.baseUrl)
  const policy = await makePolicy(app.payload, { title: 'Abuse terms' })
  const contentHash = (await makeVersion(app.payload, policy.id, { _status: 'published' })).contentHash!
  await upsertSubjects(app.payload, [{ externalId: 'flooder' }, { externalId: 'bystander' }])
  return { app, jwt, editorLogin, slug: policy.slug, contentHash }
})

const json = { 'content-type': 'application/json' }
function post(path: string, body: unknown, headers: Record<string, string> = {}, base: string = setup.app.baseUrl): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) })
}

/** Sends `request` until it answers 429; returns how many went through before, and the 429. */
async function untilLimited(request: () => Promise<Response>, max: number) {
  for (let sent = 0; sent < max; sent++) {
    const res = await request()
    if (res.status === 429) return { before: sent, res }
    expect(res.status).toBeLessThan(500)
  }
  throw new Error(`no 429 after ${max} requests`)
}

async function expectRateLimited(res: Response) {
  expect(res.status).toBe(429)
  const retryAfter = Number(res.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThan(0)
  const body = (await res.json()) as { error: { code: string; message: string } }
  expect(body.error.code).toBe('rate_limited')
  expect(body.error.message).toMatch(/try again in \d+ seconds/)
  return retryAfter
}

describe('rate limits answer 429 with Retry-After past the threshold', () => {
  it('staff login: 10 failed attempts per address and 15 minutes, then even a right password waits', async () => {
    const { before, res } = await untilLimited(() => post('/api/users/login', { email: `nobody-${Math.random()}@example.com`, password: 'wrong-password' }), 50)
    const retryAfter = await expectRateLimited(res)
    expect(before).toBe(10)
    expect((await post('/api/users/login', { email: 'admin@example.com', password: 'correct-horse-battery-staple' })).status).toBe(429)
    recordFigure('Abuse', 'failed staff logins before 429', before)
    recordFigure('Abuse', 'login Retry-After (s)', retryAfter)
  })

  it('banner tokens: 30 per subject and minute; another subject is not held up', async () => {
    const { key } = await createApiKey(setup.app.payload, 'token flood', 'integration')
    const auth = { authorization: `Bearer ${key}` }
    const { before, res } = await untilLimited(() => post('/api/v1/subjects/flooder/token', {}, auth), 100)
    await expectRateLimited(res)
    expect(before).toBe(30)
    expect((await post('/api/v1/subjects/bystander/token', {}, auth)).status).toBe(201)
    recordFigure('Abuse', 'banner tokens per subject before 429', before)
  })

  it('acceptances: 120 requests per subject and minute, stored once; another subject is not held up', async () => {
    const { key } = await createApiKey(setup.app.payload, 'acceptance flood', 'integration')
    const auth = { authorization: `Bearer ${key}` }
    const accept = (subject: string) => post('/api/v1/acceptances', { subject, versions: [{ policy: setup.slug, version: 1, contentHash: setup.contentHash }] }, auth)
    const { before, res } = await untilLimited(() => accept('flooder'), 300)
    await expectRateLimited(res)
    expect(before).toBe(120)
    expect((await accept('bystander')).status).toBe(201)
    expect((await setup.app.payload.count({ collection: 'acceptances' })).totalDocs).toBe(2)
    recordFigure('Abuse', 'acceptance requests per subject before 429', before)
  })
})

describe('subject ids that differ only by invisible characters', () => {
  const variants = [' rl-user', 'rl-user ', '\trl-user', 'rl-user\n', '\u200brl-user']

  it('do not get around the per-subject acceptance limit: each is refused with a 400, nothing recorded', async () => {
    const { key } = await createApiKey(setup.app.payload, 'variant flood', 'integration')
    const auth = { authorization: `Bearer ${key}` }
    await upsertSubjects(setup.app.payload, [{ externalId: 'rl-user' }])
    const accept = (subject: string) => post('/api/v1/acceptances', { subject, versions: [{ policy: setup.slug, version: 1, contentHash: setup.contentHash }] }, auth)
    const { res } = await untilLimited(() => accept('rl-user'), 300)
    await expectRateLimited(res)
    const before = (await setup.app.payload.count({ collection: 'acceptances' })).totalDocs
    let accepted = 0
    for (const subject of variants) {
      const answer = await accept(subject)
      if (answer.status < 300) accepted++
      expect(answer.status, JSON.stringify(subject)).toBe(400)
      const body = (await answer.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe('invalid_external_id')
      expect(body.error.message).toMatch(/subject id .* must not/)
    }
    expect((await setup.app.payload.count({ collection: 'acceptances' })).totalDocs).toBe(before)
    recordFigure('Abuse', 'acceptances through subject id variants past the limit', accepted, 0)
  })

  it('are refused with a 400 wherever a subject is named, and never become a second subject', async () => {
    const { key } = await createApiKey(setup.app.payload, 'variant subjects', 'integration')
    const auth = { authorization: `Bearer ${key}` }
    const send = (method: string, path: string, body?: unknown) =>
      fetch(`${setup.app.baseUrl}${path}`, { method, headers: { ...json, ...auth }, body: body === undefined ? undefined : JSON.stringify(body) })
    for (const subject of variants) {
      const id = encodeURIComponent(subject)
      const answers = [
        await send('PUT', `/api/v1/subjects/${id}`, { name: 'Variant' }),
        await send('PUT', '/api/v1/subjects', { subjects: [{ externalId: 'variant-batch-ok' }, { externalId: subject }] }),
        await send('GET', `/api/v1/subjects/${id}/status?create=true`),
        await send('POST', `/api/v1/subjects/${id}/token?create=true`, {}),
      ]
      for (const answer of answers) {
        expect(answer.status, `${answer.url} ${JSON.stringify(subject)}`).toBe(400)
        expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('invalid_external_id')
      }
    }
    const created = await setup.app.payload.find({ collection: 'subjects', where: { externalId: { like: 'rl-user' } }, pagination: false })
    expect(created.docs.map((s) => s.externalId)).toEqual(['rl-user'])
    expect((await setup.app.payload.count({ collection: 'subjects', where: { externalId: { equals: 'variant-batch-ok' } } })).totalDocs).toBe(0)
    const admin = await fetch(`${setup.app.baseUrl}/api/subjects`, { method: 'POST', headers: { ...json, authorization: `JWT ${setup.jwt.admin}` }, body: JSON.stringify({ externalId: ' rl-user' }) })
    expect(admin.status).toBe(400)
  })

  it('of subjects stored before the rule stay reachable by their exact id', async () => {
    const { key } = await createApiKey(setup.app.payload, 'legacy subject', 'integration')
    const auth = { authorization: `Bearer ${key}` }
    await setup.app.payload.db.create({ collection: 'subjects', data: { externalId: ' legacy-user', locale: 'en' } })
    const id = encodeURIComponent(' legacy-user')
    const put = await fetch(`${setup.app.baseUrl}/api/v1/subjects/${id}`, { method: 'PUT', headers: { ...json, ...auth }, body: JSON.stringify({ name: 'Legacy' }) })
    expect(put.status).toBe(200)
    expect((await fetch(`${setup.app.baseUrl}/api/v1/subjects/${id}/status`, { headers: auth })).status).toBe(200)
    expect((await post(`/api/v1/subjects/${id}/token`, {}, auth)).status).toBe(201)
    const accepted = await post('/api/v1/acceptances', { subject: ' legacy-user', versions: [{ policy: setup.slug, version: 1, contentHash: setup.contentHash }] }, auth)
    expect(accepted.status).toBe(201)
    expect(((await accepted.json()) as { subject: string }).subject).toBe(' legacy-user')
  })
})

describe('idempotency keys', () => {
  it('are one namespace per caller: a banner user sending a host’s key neither blocks nor replays the host’s acceptance', async () => {
    const { key } = await createApiKey(setup.app.payload, 'idempotent host', 'integration')
    const other = await createApiKey(setup.app.payload, 'another host service', 'integration')
    const auth = { authorization: `Bearer ${key}` }
    await upsertSubjects(setup.app.payload, [{ externalId: 'idem-host-user' }, { externalId: 'idem-banner-user' }])
    const versions = [{ policy: setup.slug, version: 1, contentHash: setup.contentHash }]
    const idempotencyKey = 'checkout-0000000042'
    const token = ((await (await post('/api/v1/subjects/idem-banner-user/token', {}, auth)).json()) as { token: string }).token
    const banner = () => post('/embed/v1/acceptances', { versions, idempotencyKey }, { authorization: `Bearer ${token}` })
    const host = (headers = auth) => post('/api/v1/acceptances', { subject: 'idem-host-user', versions, idempotencyKey }, headers)

    const byBanner = await banner()
    expect(byBanner.status).toBe(201)
    const byHost = await host()
    expect(byHost.status).toBe(201)
    const hostBody = (await byHost.json()) as { subject: string }
    expect(hostBody.subject).toBe('idem-host-user')
    // Each caller's retry replays its own first answer.
    expect(await (await host()).json()).toEqual(hostBody)
    expect(((await (await banner()).json()) as { subject: string }).subject).toBe('idem-banner-user')
    // Another API key's namespace is its own too.
    const byOther = await post('/api/v1/acceptances', { subject: 'idem-banner-user', versions, idempotencyKey }, { authorization: `Bearer ${other.key}` })
    expect(byOther.status).toBe(200)
    const subjects = await setup.app.payload.find({ collection: 'subjects', where: { externalId: { in: ['idem-host-user', 'idem-banner-user'] } }, pagination: false })
    expect((await setup.app.payload.count({ collection: 'acceptances', where: { subject: { in: subjects.docs.map((s) => s.id) } } })).totalDocs).toBe(2)
    recordFigure('Abuse', 'host acceptances blocked by a banner user’s idempotency key', byHost.status === 409 ? 1 : 0, 0)
  })
})

describe('security headers', () => {
  it('sets them on pages, the JSON API and the banner script', async () => {
    const expected: Record<string, RegExp> = {
      'x-content-type-options': /^nosniff$/,
      'strict-transport-security': /max-age=\d+/,
      'referrer-policy': /no-referrer/,
      'cross-origin-opener-policy': /same-origin/,
      'x-frame-options': /SAMEORIGIN|DENY/,
    }
    let missing = 0
    let checked = 0
    for (const path of ['/legal', `/legal/${setup.slug}`, '/api/v1/policies', '/api/v1/subjects/someone/status', '/api/policies', '/embed/banner.js', '/healthz']) {
      const res = await fetch(`${setup.app.baseUrl}${path}`)
      for (const [name, pattern] of Object.entries(expected)) {
        checked++
        if (!pattern.test(res.headers.get(name) ?? '')) missing++
        expect(res.headers.get(name) ?? '', `${name} on ${path}`).toMatch(pattern)
      }
      expect(res.headers.get('x-powered-by')).toBeNull()
    }
    const page = await fetch(`${setup.app.baseUrl}/legal/${setup.slug}`)
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/)
    recordFigure('Abuse', 'security headers checked', checked)
    recordFigure('Abuse', 'security headers missing', missing, 0)
  })
})

describe('cross-site requests with the admin cookie', () => {
  it('refuses every cookie-authenticated change from another origin, and takes it from Assent’s own', async () => {
    const login = setup.editorLogin
    expect(login.status).toBe(200)
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    expect(cookie).toMatch(/payload-token=/)
    expect(login.headers.getSetCookie().join(' ')).toMatch(/SameSite=Lax/i)
    const policy = await makePolicy(setup.app.payload)
    const attempts: Array<[string, string, unknown]> = [
      ['POST', '/api/policies', { title: 'Forged', slug: `forged-${Date.now()}` }],
      ['PATCH', `/api/policies/${policy.id}`, { title: 'Forged title' }],
      ['POST', '/api/policy-versions?draft=true', { policy: policy.id, changeClass: 'editorial', summary: 'Forged draft', _status: 'draft' }],
      ['POST', `/api/v1/policies/${policy.slug}/versions`, { markdown: '# Forged\n\nText.', changeClass: 'editorial', summary: 'Forged' }],
      ['POST', '/api/graphql', { query: `mutation { updatePolicy(id: ${policy.id}, data: { title: "Forged by GraphQL" }) { id } }` }],
      ['PATCH', `/api/users/${(await setup.app.payload.find({ collection: 'users', where: { email: { equals: 'editor@example.com' } } })).docs[0].id}`, { name: 'Forged' }],
    ]
    const send = (origin: string, [method, path, body]: [string, string, unknown], extra: Record<string, string> = {}) =>
      fetch(`${setup.app.baseUrl}${path}`, { method, headers: { ...json, cookie, origin, ...extra }, body: JSON.stringify(body) })
    let accepted = 0
    for (const attempt of attempts) {
      for (const res of [await send('https://evil.example', attempt), await send('null', attempt)]) {
        const text = await res.text()
        const through = res.status < 300 && !/"errors"/.test(text)
        if (through) accepted++
        expect(through, `${attempt[0]} ${attempt[1]}: ${res.status} ${text.slice(0, 200)}`).toBe(false)
      }
    }
    // Without Origin, the browser's Sec-Fetch-Site says where the request came from.
    const crossSite = await fetch(`${setup.app.baseUrl}/api/policies/${policy.id}`, { method: 'PATCH', headers: { ...json, cookie, 'sec-fetch-site': 'cross-site' }, body: JSON.stringify({ title: 'Forged again' }) })
    expect(crossSite.status).toBeGreaterThanOrEqual(400)
    const after = await setup.app.payload.findByID({ collection: 'policies', id: policy.id })
    expect(after.title).toBe(policy.title)
    // The same cookie from Assent's own origin works, so the refusals above are the origin check.
    const own = await send('http://localhost:3000', attempts[1])
    expect(own.status).toBe(200)
    recordFigure('CSRF', 'cross-site cookie mutations tried', attempts.length * 2 + 1)
    recordFigure('CSRF', 'cross-site cookie mutations accepted', accepted, 0)
  })
})
