import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../../src/access/roles'
import { loginStaff } from '../support/staff'
import { startTestApp, type TestApp } from '../support/testApp'
import { recordFigure } from './figures'

// Paths of Payload's REST API that once reached Payload and failed there with a 500: account
// routes under collections that hold no accounts, Payload's own routes with the wrong method, and
// a document nested deeper than Payload can walk. Each must answer a 4xx saying what to do instead.
const AREA = 'Payload REST answers'
const ACCOUNT_ROUTES = ['me', 'login', 'logout', 'refresh-token', 'init', 'first-register', 'forgot-password', 'reset-password', 'verify', 'unlock']
const callers = ['anonymous', 'auditor', 'editor', 'admin'] as const
type Caller = (typeof callers)[number]

let app: TestApp
let tokens: Record<Role, string>

beforeAll(async () => {
  app = await startTestApp()
  tokens = await loginStaff(app.payload, app.baseUrl)
})
afterAll(() => app?.close())

const headersOf = (caller: Caller): Record<string, string> => (caller === 'anonymous' ? {} : { authorization: `JWT ${tokens[caller]}` })

async function get(caller: Caller, path: string): Promise<{ status: number; allow: string | null; body: unknown }> {
  const res = await fetch(`${app.baseUrl}${path}`, { headers: headersOf(caller) })
  const text = await res.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // Kept as text: the assertion shows it.
  }
  return { status: res.status, allow: res.headers.get('allow'), body }
}

const errorShape = (code: string) => ({ error: { code, message: expect.any(String) } })

describe('account routes under collections that hold no accounts', () => {
  it('answer 404 not_found to every caller, on policies and policy versions', async () => {
    const wrong: string[] = []
    let sent = 0
    for (const collection of ['policies', 'policy-versions']) {
      for (const route of ACCOUNT_ROUTES) {
        for (const caller of callers) {
          const { status, body } = await get(caller, `/api/${collection}/${route}`)
          sent++
          if (status !== 404 || (body as { error?: { code?: string } }).error?.code !== 'not_found') wrong.push(`${caller} GET /api/${collection}/${route} → ${status} ${JSON.stringify(body).slice(0, 120)}`)
        }
      }
    }
    recordFigure(AREA, 'account-route GETs on collections without accounts', sent)
    expect(recordFigure(AREA, 'account-route GETs not answered 404', wrong.length, 0), wrong.join('\n')).toBe(0)
  })
})

describe('routes that take POST only', () => {
  it('answer a GET with 405 and Allow: POST, on staff accounts and on every collection’s access route', async () => {
    const wrong: string[] = []
    let sent = 0
    const paths = [...['login', 'logout', 'refresh-token', 'first-register', 'forgot-password', 'reset-password', 'unlock', 'verify/abc', 'access'].map((route) => `/api/users/${route}`), '/api/policies/access', '/api/policy-versions/access']
    for (const path of paths) {
      for (const caller of callers) {
        const answer = await get(caller, path)
        sent++
        if (answer.status !== 405 || answer.allow !== 'POST' || (answer.body as { error?: { code?: string } }).error?.code !== 'method_not_allowed') wrong.push(`${caller} GET ${path} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 120)}`)
      }
    }
    recordFigure(AREA, 'GETs of POST-only routes', sent)
    expect(recordFigure(AREA, 'GETs of POST-only routes not answered 405', wrong.length, 0), wrong.join('\n')).toBe(0)
  })

  it('still answer with POST: what the caller may do, and logging in', async () => {
    const access = await fetch(`${app.baseUrl}/api/policies/access`, { method: 'POST', headers: headersOf('editor') })
    expect({ status: access.status, body: await access.json() }).toMatchObject({ status: 200, body: { create: true } })
    const login = await fetch(`${app.baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'editor@example.com', password: 'correct-horse-battery-staple' }) })
    expect(login.status).toBe(200)
  })
})

describe('the reads Payload answers under a collection', () => {
  it('answer: me, init and count', async () => {
    expect(await get('editor', '/api/users/me')).toMatchObject({ status: 200, body: { user: { email: 'editor@example.com' } } })
    expect(await get('anonymous', '/api/users/me')).toMatchObject({ status: 200, body: { user: null } })
    expect(await get('anonymous', '/api/users/init')).toMatchObject({ status: 200, body: { initialized: true } })
    expect(await get('admin', '/api/users/count')).toMatchObject({ status: 200, body: { totalDocs: 3 } })
    expect(await get('editor', '/api/access')).toMatchObject({ status: 200 })
  })
})

describe('deeply nested documents', () => {
  const deep = (levels: number) => `{"title":"Deep","slug":"deep-${levels}","noticePeriodDays":30,"acceptanceMode":"clickwrap","extra":${'['.repeat(levels)}${']'.repeat(levels)}}`
  const post = (body: string, contentType = 'application/json') =>
    fetch(`${app.baseUrl}/api/policies`, { method: 'POST', headers: { ...headersOf('admin'), 'content-type': contentType }, body })

  it('refuses a staff body nested 300,000 levels deep with 400 json_too_deep, and creates nothing', async () => {
    const res = await post(deep(300_000))
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 400, body: errorShape('json_too_deep') })
    expect((await app.payload.find({ collection: 'policies', where: { slug: { equals: 'deep-300000' } } })).totalDocs).toBe(0)
  })

  it('refuses the same nesting sent the way the admin sends documents (multipart, _payload)', async () => {
    const form = new FormData()
    form.set('_payload', deep(300_000))
    const res = await fetch(`${app.baseUrl}/api/policies`, { method: 'POST', headers: headersOf('admin'), body: form })
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 400, body: errorShape('json_too_deep') })
  })

  it('refuses nesting hidden behind strings that hold brackets and quotes', async () => {
    const levels = 5_000
    const body = `{"title":"x","a":${'["]\\"]",'.repeat(levels)}0${']'.repeat(levels)}}`
    expect(() => JSON.parse(body)).not.toThrow()
    const res = await post(body)
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 400, body: errorShape('json_too_deep') })
  })

  it('still takes a document sent as the admin sends it, and refuses a file (Assent takes no uploads)', async () => {
    const form = new FormData()
    form.set('_payload', JSON.stringify({ title: 'From the admin', slug: 'from-the-admin', noticePeriodDays: 30, acceptanceMode: 'clickwrap' }))
    const res = await fetch(`${app.baseUrl}/api/policies`, { method: 'POST', headers: headersOf('admin'), body: form })
    expect({ status: res.status, body: await res.json() }).toMatchObject({ status: 201, body: { doc: { slug: 'from-the-admin' } } })
    form.set('file', new Blob(['x']), 'x.txt')
    const upload = await fetch(`${app.baseUrl}/api/policies`, { method: 'POST', headers: headersOf('admin'), body: form })
    expect({ status: upload.status, body: await upload.json() }).toEqual({ status: 400, body: errorShape('bad_request') })
  })

  it('still takes a document as deep as a rich text with nested lists', async () => {
    const res = await post(deep(40))
    expect(res.status, await res.text()).toBe(201)
  })
})
