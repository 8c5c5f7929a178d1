import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApiKey } from '../../src/services/apiKeys'
import { upsertSubjects } from '../../src/services/upsertSubjects'
import { makePolicy, makeVersion } from '../support/fixtures'
import { loginStaff } from '../support/staff'
import { startTestApp, type TestApp } from '../support/testApp'
import { recordFigure } from './figures'

let app: TestApp
let jwt: Awaited<ReturnType<typeof loginStaff>>
let slug: string
let contentHash: string
/** The editor's login as the admin's browser gets it: a Set-Cookie (before the login limit is hit). */
let editorLogin: Response
beforeAll(async () => {
  app = await startTestApp()
  jwt = await loginStaff(app.payload, app.baseUrl)
  editorLogin = await post('/api/users/login', { email: 'editor@example.com', password: 'correct-horse-battery-staple' }, { origin: 'http://localhost:3000' })
  const policy = await makePolicy(app.payload, { title: 'Abuse terms' })
  slug = policy.slug
  contentHash = (await makeVersion(app.payload, policy.id, { _status: 'published' })).contentHash!
  await upsertSubjects(app.payload, [{ externalId: 'flooder' }, { externalId: 'bystander' }])
})
afterAll(() => app?.close())

const json = { 'content-type': 'application/json' }
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.baseUrl}${path}`, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) })

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
    const { key } = await createApiKey(app.payload, 'token flood', 'integration')
    const auth = { authorization: `Bearer ${key}` }
    const { before, res } = await untilLimited(() => post('/api/v1/subjects/flooder/token', {}, auth), 100)
    await expectRateLimited(res)
    expect(before).toBe(30)
    expect((await post('/api/v1/subjects/bystander/token', {}, auth)).status).toBe(201)
    recordFigure('Abuse', 'banner tokens per subject before 429', before)
  })

  it('acceptances: 120 requests per subject and minute, stored once; another subject is not held up', async () => {
    const { key } = await createApiKey(app.payload, 'acceptance flood', 'integration')
    const auth = { authorization: `Bearer ${key}` }
    const accept = (subject: string) => post('/api/v1/acceptances', { subject, versions: [{ policy: slug, version: 1, contentHash }] }, auth)
    const { before, res } = await untilLimited(() => accept('flooder'), 300)
    await expectRateLimited(res)
    expect(before).toBe(120)
    expect((await accept('bystander')).status).toBe(201)
    expect((await app.payload.count({ collection: 'acceptances' })).totalDocs).toBe(2)
    recordFigure('Abuse', 'acceptance requests per subject before 429', before)
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
    for (const path of ['/legal', `/legal/${slug}`, '/api/v1/policies', '/api/policies', '/embed/banner.js', '/healthz']) {
      const res = await fetch(`${app.baseUrl}${path}`)
      for (const [name, pattern] of Object.entries(expected)) {
        checked++
        if (!pattern.test(res.headers.get(name) ?? '')) missing++
        expect(res.headers.get(name) ?? '', `${name} on ${path}`).toMatch(pattern)
      }
      expect(res.headers.get('x-powered-by')).toBeNull()
    }
    const page = await fetch(`${app.baseUrl}/legal/${slug}`)
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/)
    recordFigure('Abuse', 'security headers checked', checked)
    recordFigure('Abuse', 'security headers missing', missing, 0)
  })
})

describe('cross-site requests with the admin cookie', () => {
  it('refuses every cookie-authenticated change from another origin, and takes it from Assent’s own', async () => {
    const login = editorLogin
    expect(login.status).toBe(200)
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    expect(cookie).toMatch(/payload-token=/)
    expect(login.headers.getSetCookie().join(' ')).toMatch(/SameSite=Lax/i)
    const policy = await makePolicy(app.payload)
    const attempts: Array<[string, string, unknown]> = [
      ['POST', '/api/policies', { title: 'Forged', slug: `forged-${Date.now()}` }],
      ['PATCH', `/api/policies/${policy.id}`, { title: 'Forged title' }],
      ['POST', '/api/policy-versions?draft=true', { policy: policy.id, changeClass: 'editorial', summary: 'Forged draft', _status: 'draft' }],
      ['POST', `/api/v1/policies/${policy.slug}/versions`, { markdown: '# Forged\n\nText.', changeClass: 'editorial', summary: 'Forged' }],
      ['POST', '/api/graphql', { query: `mutation { updatePolicy(id: ${policy.id}, data: { title: "Forged by GraphQL" }) { id } }` }],
      ['PATCH', `/api/users/${(await app.payload.find({ collection: 'users', where: { email: { equals: 'editor@example.com' } } })).docs[0].id}`, { name: 'Forged' }],
    ]
    const send = (origin: string, [method, path, body]: [string, string, unknown], extra: Record<string, string> = {}) =>
      fetch(`${app.baseUrl}${path}`, { method, headers: { ...json, cookie, origin, ...extra }, body: JSON.stringify(body) })
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
    const crossSite = await fetch(`${app.baseUrl}/api/policies/${policy.id}`, { method: 'PATCH', headers: { ...json, cookie, 'sec-fetch-site': 'cross-site' }, body: JSON.stringify({ title: 'Forged again' }) })
    expect(crossSite.status).toBeGreaterThanOrEqual(400)
    const after = await app.payload.findByID({ collection: 'policies', id: policy.id })
    expect(after.title).toBe(policy.title)
    // The same cookie from Assent's own origin works, so the refusals above are the origin check.
    const own = await send('http://localhost:3000', attempts[1])
    expect(own.status).toBe(200)
    recordFigure('CSRF', 'cross-site cookie mutations tried', attempts.length * 2 + 1)
    recordFigure('CSRF', 'cross-site cookie mutations accepted', accepted, 0)
  })
})
