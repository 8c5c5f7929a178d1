import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../../src/access/roles'
import { loginStaff } from '../support/staff'
import { startTestApp, type TestApp } from '../support/testApp'
import { recordFigure } from './figures'

// Paths of Payload's REST API that once reached Payload and failed there with a 500: account
// routes under collections that hold no accounts, account routes with the wrong method, and a
// document nested deeper than Payload can walk. Each must answer a 4xx saying what to do instead.
const AREA = 'Payload REST answers'
const ACCOUNT_ROUTES = ['me', 'login', 'logout', 'refresh-token', 'init', 'first-register', 'forgot-password', 'reset-password', 'verify', 'unlock', 'access']
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
    recordFigure(AREA, 'account-route GETs on non-account collections', sent)
    expect(recordFigure(AREA, 'account-route GETs not answered 404', wrong.length, 0), wrong.join('\n')).toBe(0)
  })
})

describe('account routes of staff accounts', () => {
  it('answer 405 with Allow: POST to a GET of a route that takes POST only', async () => {
    for (const path of ['/api/users/login', '/api/users/logout', '/api/users/refresh-token', '/api/users/first-register', '/api/users/forgot-password', '/api/users/reset-password', '/api/users/unlock', '/api/users/verify/abc']) {
      for (const caller of callers) {
        const answer = await get(caller, path)
        expect({ path, caller, ...answer }).toEqual({ path, caller, status: 405, allow: 'POST', body: errorShape('method_not_allowed') })
      }
    }
  })

  it('answer /api/users/access with 404: what a caller may do is Payload’s /api/access', async () => {
    for (const caller of callers) {
      expect({ caller, ...(await get(caller, '/api/users/access')) }).toMatchObject({ caller, status: 404, body: errorShape('not_found') })
    }
    expect((await get('editor', '/api/access')).status).toBe(200)
  })

  it('still answer the reads they are for: me and init', async () => {
    expect(await get('editor', '/api/users/me')).toMatchObject({ status: 200, body: { user: { email: 'editor@example.com' } } })
    expect(await get('anonymous', '/api/users/me')).toMatchObject({ status: 200, body: { user: null } })
    expect(await get('anonymous', '/api/users/init')).toMatchObject({ status: 200, body: { initialized: true } })
  })

  it('still log in with POST', async () => {
    const res = await fetch(`${app.baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'editor@example.com', password: 'correct-horse-battery-staple' }) })
    expect(res.status).toBe(200)
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

  it('still takes a document as deep as a rich text with nested lists', async () => {
    const res = await post(deep(40))
    expect(res.status, await res.text()).toBe(201)
  })
})
