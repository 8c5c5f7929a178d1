import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { payloadQuery } from '../../src/db/payloadQuery'
import type { RowQuery } from '../../src/db/directQuery'
import { createApiKey } from '../../src/services/staff/apiKeys'
import { issueBannerToken } from '../../src/services/subjects/subjectTokens'
import { upsertSubjects } from '../../src/services/subjects/upsertSubjects'
import { makePolicy, makeVersion } from '../support/fixtures'
import { loginStaff } from '../support/staff'
import { startTestApp, type TestApp } from '../support/testApp'
import { recordFigure } from './figures'

// Hostile input against every JSON route: generated bodies, query strings and headers. No answer
// may be a 5xx or carry a stack trace, Assent's errors keep their shape, and a refused request
// changes nothing. Requests go one at a time so each change of state is attributed to one request.
const SOAK = process.env.RELIABILITY_SOAK === '1'
const CASES_PER_ROUTE = SOAK ? 2000 : 340
const AREA = 'Hostile input, one request at a time'

let app: TestApp
let auth: Record<'none' | 'integration' | 'audit' | 'staff' | 'token', string>
let slug: string
let draftId: number | string
let sql: RowQuery

beforeAll(async () => {
  // Limits would answer most generated requests with 429 before their input is read; abuse.test.ts
  // tests the limits.
  process.env.RATE_LIMIT_ACCEPTANCES = '1000000'
  process.env.RATE_LIMIT_TOKENS = '1000000'
  process.env.RATE_LIMIT_LOGIN_FAILURES = '1000000'
  app = await startTestApp()
  sql = payloadQuery(app.payload)!
  const tokens = await loginStaff(app.payload, app.baseUrl)
  const policy = await makePolicy(app.payload, { title: 'Fuzzed terms' })
  slug = policy.slug
  await makeVersion(app.payload, policy.id, { _status: 'published' })
  draftId = (await makeVersion(app.payload, policy.id, { changeClass: 'informational', summary: 'HIDDEN DRAFT' }, '# Draft\n\nHIDDEN DRAFT TEXT.')).id
  await makePolicy(app.payload, { title: 'Second fuzzed policy' })
  await upsertSubjects(app.payload, [{ externalId: 'fuzz-subject', email: 'fuzz@example.com' }])
  auth = {
    none: '',
    integration: `Bearer ${(await createApiKey(app.payload, 'fuzz host', 'integration')).key}`,
    audit: `Bearer ${(await createApiKey(app.payload, 'fuzz audit', 'audit')).key}`,
    staff: `JWT ${tokens.admin}`,
    token: `Bearer ${issueBannerToken(app.payload, 'fuzz-subject', new Date()).token}`,
  }
})
afterAll(() => app?.close())

/** Row counts of everything a request could change, and the ledger's last entry. */
async function state(): Promise<string> {
  const tables = ['policies', 'policy_versions', 'subjects', 'acceptances', 'notices', 'ledger_entries', 'api_keys', 'idempotency_records']
  const [row] = await sql(`select ${tables.map((t) => `(select count(*) from ${t}) as ${t}`).join(', ')}, (select max(seq) from ledger_entries) as last_seq, (select max(updated_at) from policy_versions) as versions_updated, (select count(*) from _policy_versions_v) as version_snapshots, (select max(updated_at) from subjects) as subjects_updated`, [])
  return JSON.stringify(row)
}

type Auth = keyof typeof auth
interface Route {
  method: string
  path: string
  auth: Auth[]
  /** Assent's own routes answer errors as `{ error: { code, message } }`. */
  assent: boolean
}

const routes: Route[] = [
  { method: 'GET', path: '/api/v1/policies', auth: ['none'], assent: true },
  { method: 'GET', path: '/api/v1/policies/:p', auth: ['none'], assent: true },
  { method: 'GET', path: '/api/v1/policies/:p/versions', auth: ['none'], assent: true },
  { method: 'GET', path: '/api/v1/policies/:p/versions/:n', auth: ['none'], assent: true },
  { method: 'GET', path: '/api/v1/policies/:p/in-force', auth: ['none'], assent: true },
  { method: 'GET', path: '/api/v1/policies/:p/diff', auth: ['none'], assent: true },
  { method: 'POST', path: '/api/v1/policies/:p/versions', auth: ['staff', 'none'], assent: true },
  { method: 'GET', path: '/api/v1/policy-versions/:n/notice-preview', auth: ['staff', 'none'], assent: true },
  { method: 'PUT', path: '/api/v1/subjects/:s', auth: ['integration', 'none'], assent: true },
  { method: 'PUT', path: '/api/v1/subjects', auth: ['integration', 'audit'], assent: true },
  { method: 'GET', path: '/api/v1/subjects/:s/status', auth: ['integration', 'token'], assent: true },
  { method: 'POST', path: '/api/v1/subjects/:s/token', auth: ['integration', 'none'], assent: true },
  { method: 'POST', path: '/api/v1/acceptances', auth: ['integration', 'token'], assent: true },
  { method: 'POST', path: '/api/v1/subjects/:s/erase', auth: ['staff', 'integration'], assent: true },
  { method: 'GET', path: '/api/v1/audit/coverage/:p', auth: ['audit', 'staff'], assent: true },
  { method: 'GET', path: '/api/v1/audit/export', auth: ['audit', 'staff'], assent: true },
  { method: 'GET', path: '/api/v1/audit/subjects/:s/evidence', auth: ['audit', 'staff'], assent: true },
  { method: 'GET', path: '/api/v1/ledger/public-key', auth: ['none'], assent: true },
  { method: 'GET', path: '/api/v1/ledger/checkpoints', auth: ['audit', 'none'], assent: true },
  { method: 'GET', path: '/api/v1/ledger/proofs/inclusion', auth: ['audit'], assent: true },
  { method: 'GET', path: '/api/v1/ledger/proofs/consistency', auth: ['audit'], assent: true },
  { method: 'GET', path: '/embed/v1/status', auth: ['token', 'integration'], assent: true },
  { method: 'POST', path: '/embed/v1/acceptances', auth: ['token', 'none'], assent: true },
  { method: 'POST', path: '/embed/v1/banner-events', auth: ['token'], assent: true },
  { method: 'GET', path: '/api/policy-versions', auth: ['none', 'staff'], assent: false },
  { method: 'POST', path: '/api/policies', auth: ['staff', 'none'], assent: false },
  { method: 'PATCH', path: '/api/policy-versions/:n', auth: ['staff'], assent: false },
  { method: 'GET', path: '/api/subjects', auth: ['none', 'staff'], assent: false },
  { method: 'POST', path: '/api/graphql', auth: ['none', 'staff'], assent: false },
  { method: 'POST', path: '/api/users/login', auth: ['none'], assent: false },
  // The editor's routes (added after the others, so that the others keep their seeds).
  { method: 'POST', path: '/api/v1/policies/:p/revisions', auth: ['staff', 'none'], assent: true },
  { method: 'POST', path: '/api/v1/policy-versions/:n/redline', auth: ['staff', 'none'], assent: true },
  { method: 'GET', path: '/api/v1/policy-versions/:n/publishing-plan', auth: ['staff'], assent: true },
  { method: 'GET', path: '/api/v1/policy-versions/:n/page-preview', auth: ['staff'], assent: true },
  { method: 'GET', path: '/api/v1/policy-versions/:n/banner-preview', auth: ['staff', 'none'], assent: true },
  { method: 'POST', path: '/api/v1/policy-versions/:n/approval', auth: ['staff', 'none'], assent: true },
  { method: 'POST', path: '/api/v1/policy-versions/:n/publish', auth: ['staff', 'none'], assent: true },
]

// Strings that have broken parsers before: encodings, sizes, numbers, prototypes, paths.
const nasty = fc.constantFrom(
  '', ' ', '0', '-1', '1e309', 'NaN', '9'.repeat(40), 'true', 'null', '__proto__', 'constructor', 'prototype',
  '%00', '%zz', '..%2F..%2Fetc%2Fpasswd', '../../etc/passwd', "' OR '1'='1", '"; drop table policies; --', '{"$ne":null}',
  '$where', '<script>alert(1)</script>', '\u0000', '\uFFFF', '\uD800', 'ſ', 'İ', '😀'.repeat(50), 'a'.repeat(10_000),
)
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), nasty)
const segment = fc.oneof(text, fc.constant('fuzz-subject'), fc.constant('1'), fc.integer().map(String)).map((s) => encodeURIComponent(s.toWellFormed()))
const queryKey = fc.oneof(text, fc.constantFrom('where[title][like]', 'where[or][0][_status][equals]', 'where[email][exists]', 'depth', 'limit', 'page', 'sort', 'draft', 'from', 'to', 'at', 'seq', 'treeSize', 'type', 'format', 'subject', 'policy', 'version', 'create', 'record', 'part', 'a[]', 'a[b][c][d][e][f]', '__proto__[polluted]', 'constructor[prototype][x]'))
const query = fc.array(fc.tuple(queryKey, text), { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k.toWellFormed()).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(v.toWellFormed())}`).join('&'))
const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ subject: fc.oneof(text, fc.jsonValue()), versions: fc.oneof(fc.jsonValue(), fc.array(fc.record({ policy: fc.oneof(text, fc.jsonValue()), version: fc.oneof(fc.integer(), fc.double(), text), contentHash: text }, { requiredKeys: [] }), { maxLength: 3 })), idempotencyKey: text, confirm: text }, { requiredKeys: [] }),
  fc.record({ markdown: text, changeClass: fc.oneof(text, fc.constantFrom('editorial', 'material')), summary: text, effectiveAt: fc.oneof(text, fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), email: text, name: text, locale: text, subjects: fc.jsonValue() }, { requiredKeys: [] }),
  fc.constant({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
  fc.constant({ subject: { $ne: null }, versions: [{ policy: { $gt: '' }, version: { $gt: 0 }, contentHash: { $regex: '.*' } }] }),
  fc.constant({ query: '{ __schema { types { name } } }' }),
  fc.constant({ query: `{ ${'PolicyVersions { docs { policy { title } } } '.repeat(50)} }` }),
)
const rawBody = fc.oneof(
  jsonBody.map((b) => JSON.stringify(b)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"a":', '[1,2', 'null', '"x"', '{"a":1}{"b":2}', `{"deep":${'['.repeat(5000)}${']'.repeat(5000)}}`, 'a=1&b=2', '\u0000\u0001'),
)
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '', 'application/json; charset=nonsense')
const headerValue = fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''))

interface Case {
  route: Route
  segments: string[]
  query: string
  auth: Auth
  authOverride?: string
  contentType: string
  body?: string
  extra: Array<[string, string]>
}

const caseFor = (route: Route): fc.Arbitrary<Case> =>
  fc.record({
    route: fc.constant(route),
    segments: fc.array(segment, { minLength: 3, maxLength: 3 }),
    query,
    auth: fc.constantFrom(...route.auth),
    authOverride: fc.option(fc.oneof(headerValue.map((v) => `Bearer ${v}`), headerValue.map((v) => `JWT ${v}`), headerValue, fc.constant('Bearer'), fc.constant('Basic Zm9vOmJhcg==')), { freq: 6, nil: undefined }),
    contentType,
    body: route.method === 'GET' ? fc.constant(undefined) : rawBody,
    extra: fc.array(fc.tuple(fc.constantFrom('x-forwarded-for', 'origin', 'accept', 'accept-language', 'if-none-match', 'range', 'x-http-method-override', 'cookie', 'user-agent'), headerValue), { maxLength: 3 }),
  })

// Stack frames, source paths or internal names in an answer.
const leaksInternals = /\n\s+at [\w.<>]+ \(|node_modules|\/src\/|\.ts:\d+|\.js:\d+|SqliteError|LibsqlError|PostgresError|duplicate key|SQLITE_/

async function send(c: Case): Promise<{ status: number; text: string; url: string }> {
  let n = 0
  const path = c.route.path.replace(/:[a-z]/g, () => c.segments[n++])
  const authorization = c.authOverride ?? auth[c.auth]
  const headers: Record<string, string> = {}
  for (const [k, v] of c.extra) headers[k] = v
  if (authorization) headers.authorization = authorization
  if (c.body !== undefined && c.contentType) headers['content-type'] = c.contentType
  const url = `${path}${c.query ? `?${c.query}` : ''}`
  const res = await fetch(`${app.baseUrl}${url}`, { method: c.route.method, headers, body: c.body })
  return { status: res.status, text: await res.text(), url }
}

describe('hostile input on every JSON route', () => {
  it(`answers ${CASES_PER_ROUTE} generated requests per route without a 5xx, a stack trace or a change on refusal`, async () => {
    let sent = 0
    const serverErrors: string[] = []
    const traces: string[] = []
    const badShapes: string[] = []
    const changedOnRefusal: string[] = []
    let before = await state()
    for (const route of routes) {
      for (const c of fc.sample(caseFor(route), { numRuns: CASES_PER_ROUTE, seed: 20261128 + routes.indexOf(route) })) {
        const { status, text, url } = await send(c)
        sent++
        const what = `${route.method} ${url.slice(0, 200)} ${c.body?.slice(0, 120) ?? ''} → ${status}: ${text.slice(0, 160)}`
        if (status >= 500) serverErrors.push(what)
        if (leaksInternals.test(text)) traces.push(what)
        // 431: Node's HTTP parser refuses an oversized request line before Assent sees it.
        if (route.assent && status >= 400 && status !== 431) {
          const error = (() => { try { return (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error } catch { return undefined } })()
          if (typeof error?.code !== 'string' || typeof error.message !== 'string') badShapes.push(what)
        }
        const after = await state()
        if (status >= 400 && after !== before) changedOnRefusal.push(what)
        before = after
      }
    }
    recordFigure(AREA, 'JSON routes fuzzed', routes.length)
    recordFigure(AREA, 'generated requests sent', sent)
    recordFigure(AREA, '5xx answers', serverErrors.length, 0)
    recordFigure(AREA, 'answers showing a stack trace or internals', traces.length, 0)
    recordFigure(AREA, "Assent errors not shaped { error: { code, message } }", badShapes.length, 0)
    recordFigure(AREA, 'refused requests that changed state', changedOnRefusal.length, 0)
    expect(sent).toBeGreaterThanOrEqual(routes.length * CASES_PER_ROUTE)
    expect(serverErrors.slice(0, 5)).toEqual([])
    expect(traces.slice(0, 5)).toEqual([])
    expect(badShapes.slice(0, 5)).toEqual([])
    expect(changedOnRefusal.slice(0, 5)).toEqual([])
  }, 600_000)
})

describe('injection in filters', () => {
  it('keeps NoSQL operators and SQL out of the queries: nothing leaks, nothing breaks', async () => {
    const anonymous: string[] = [
      '/api/subjects?where[email][exists]=true',
      '/api/subjects?where[or][0][email][exists]=true&where[or][1][id][exists]=true',
      '/api/acceptances?where[id][greater_than]=0',
      '/api/users?where[email][like]=%',
      '/api/api-keys?where[name][exists]=true',
      '/api/notices?where[status][not_equals]=x',
      '/api/policy-versions?where[_status][equals]=draft&draft=true',
      '/api/policy-versions?where[or][0][_status][equals]=draft&where[or][1][_status][equals]=published&draft=true',
      '/api/policy-versions?where[_status][not_equals]=published&draft=true',
      '/api/policy-versions?where[summary][like]=HIDDEN&draft=true',
      `/api/policy-versions/${draftId}?draft=true`,
      '/api/policy-versions?where[summary][$ne]=x&draft=true',
      '/api/policy-versions?where[$where]=1&draft=true',
      '/api/policy-versions?where[summary][equals][$ne]=x&draft=true',
      '/api/policy-versions/versions?where[parent][exists]=true',
      `/api/v1/policies/${slug}/versions/2`,
      `/api/v1/policies/${slug}/in-force?at=9999-12-31T00:00:00Z`,
    ]
    const sqlPayloads = ["' OR '1'='1", "1) OR (1=1", "x'; DROP TABLE policies; --", '1 UNION SELECT email FROM users--', '%', '_', "\\' OR 1=1 --", '1; select pg_sleep(5)']
    const asAdmin: string[] = sqlPayloads.flatMap((p) => [
      `/api/policies?where[slug][equals]=${encodeURIComponent(p)}`,
      `/api/policies?where[title][like]=${encodeURIComponent(p)}`,
      `/api/policies?where[id][in]=${encodeURIComponent(p)}`,
      `/api/policies?sort=${encodeURIComponent(p)}`,
      `/api/subjects?where[externalId][equals]=${encodeURIComponent(p)}`,
      `/api/v1/policies/${encodeURIComponent(p)}`,
      `/api/v1/policies/${slug}/diff?from=${encodeURIComponent(p)}&to=2`,
      `/api/v1/audit/export?format=jsonl&subject=${encodeURIComponent(p)}`,
      `/api/v1/audit/export?format=jsonl&policy=${encodeURIComponent(p)}`,
    ]).concat(
      // Version history of every collection, kept or not.
      ['policies', 'policy-versions', 'subjects', 'acceptances', 'notices', 'ledger-entries', 'ledger-checkpoints', 'access-records', 'api-keys', 'idempotency-records', 'users'].map((c) => `/api/${c}/versions`),
    )
    const nosqlBodies: unknown[] = [
      { subject: { $ne: null }, versions: [{ policy: slug, version: 1, contentHash: 'a'.repeat(64) }] },
      { subject: 'fuzz-subject', versions: [{ policy: { $gt: '' }, version: 1, contentHash: 'a'.repeat(64) }] },
      { subject: 'fuzz-subject', versions: [{ policy: slug, version: { $gte: 1 }, contentHash: { $regex: '.*' } }] },
      { subject: ['fuzz-subject', 'other'], versions: [] },
    ]
    const policiesBefore = (await app.payload.count({ collection: 'policies' })).totalDocs
    const acceptancesBefore = (await app.payload.count({ collection: 'acceptances' })).totalDocs
    let tried = 0
    let leaked = 0
    let errors = 0
    for (const path of anonymous) {
      const res = await fetch(`${app.baseUrl}${path}`)
      const body = await res.text()
      tried++
      if (res.status >= 500) errors++
      const leak = res.status < 300 && (/HIDDEN DRAFT|fuzz@example\.com|"keyHash"|"totalDocs":[1-9][\s\S]*"(email|contentHash|messageId)"/.test(body))
      if (leak) leaked++
      expect(leak, `${path}: ${body.slice(0, 200)}`).toBe(false)
    }
    for (const path of asAdmin) {
      const res = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: auth.staff } })
      const body = await res.text()
      tried++
      if (res.status >= 500) errors++
      expect(res.status, `${path}: ${body.slice(0, 200)}`).toBeLessThan(500)
      // An injected filter matches nothing (no slug is any of these strings), and an id list never
      // widens to every row (Payload reads "1) OR (1=1" as the number 1).
      if (res.status < 300 && /where\[(slug|externalId)\]\[equals\]|where\[id\]\[in\]/.test(path)) {
        const count = (JSON.parse(body) as { totalDocs: number }).totalDocs
        const most = path.includes('[id][in]') ? 1 : 0
        if (count > most) leaked++
        expect(count, path).toBeLessThanOrEqual(most)
      }
    }
    for (const body of nosqlBodies) {
      const res = await fetch(`${app.baseUrl}/api/v1/acceptances`, { method: 'POST', headers: { authorization: auth.integration, 'content-type': 'application/json' }, body: JSON.stringify(body) })
      tried++
      if (res.status >= 500) errors++
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_failed')
    }
    expect((await app.payload.count({ collection: 'policies' })).totalDocs).toBe(policiesBefore)
    expect((await app.payload.count({ collection: 'acceptances' })).totalDocs).toBe(acceptancesBefore)
    recordFigure(AREA, 'injection payloads tried (NoSQL operators, SQL, hidden drafts)', tried)
    recordFigure(AREA, 'injection answers that leaked rows', leaked, 0)
    recordFigure(AREA, 'injection answers 5xx', errors, 0)
  })
})
