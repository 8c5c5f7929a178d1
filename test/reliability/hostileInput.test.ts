import { mkdirSync, writeFileSync } from 'node:fs'

import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApiKey } from '../../src/services/staff/apiKeys'
import { createCheckpoint } from '../../src/services/ledger/createCheckpoint'
import { upsertSubjects } from '../../src/services/subjects/upsertSubjects'
import { makePolicy, makeVersion } from '../support/fixtures'
import { loginStaff } from '../support/staff'
import { startTestApp, type TestApp } from '../support/testApp'
import { recordFigure } from './figures'

// Hostile input against every JSON route of /api/v1 and Payload's REST list/create routes:
// generated bodies, query strings and headers, sent with valid, wrong and no credentials.
// Requests run IN_FLIGHT at a time, so a change of state cannot be pinned on one request: the
// state check runs over a phase made only of requests that must all be refused. Cases come from a
// fixed seed (HOSTILE_SEED to vary it); a red run writes every failure to test-results/.
const AREA = 'Hostile input'
const SEED = Number(process.env.HOSTILE_SEED ?? 20260427)
const IN_FLIGHT = 8
const GENERATED_PER_ASSENT_ROUTE = 260
const GENERATED_PER_REST_ROUTE = 80
const REFUSED_PER_SCENARIO = 50
const DRAFT = 'UNPUBLISHED-DRAFT-7f3a'
const PERSON = '@hostile-subjects.example'

type Cred = 'none' | 'integration' | 'audit' | 'revoked' | 'admin' | 'editor' | 'auditor'
/** One request, ready to send. `anonymous`: no valid credential, so nothing private may come back. */
interface Sent { method: string; url: string; headers: Record<string, string>; body?: string; anonymous: boolean; route?: string }

let app: TestApp
let auth: Record<Cred, Record<string, string>>
let s: { terms: string; privacy: string; scratch: string; termsId: number | string; scratchId: number | string; hash: string; accepts: Array<{ policy: string; version: number; contentHash: string }>; draftId: number | string; publishedId: number | string; acceptanceId: number | string; subjectId: number | string; adminId: number | string; ledgerId: number | string }
const subjects = ['hostile-0', 'hostile-1', 'hostile-2', 'hostile-3']

/** Everything measured, over all phases. */
const tally = { sent: 0, refusedSent: 0, serverErrors: [] as string[], traces: [] as string[], badShapes: [] as string[], anonymousLeaks: [] as string[], notRefused: [] as string[], stateChanges: [] as string[], injections: 0, injectionLeaks: [] as string[] }
const completed = new Set<string>()

beforeAll(async () => {
  // Limits would answer most generated requests with 429 before their input is read (abuse.test.ts
  // tests the limits); a 429 would still count as refused and < 500.
  process.env.RATE_LIMIT_ACCEPTANCES = '1000000'
  process.env.RATE_LIMIT_TOKENS = '1000000'
  process.env.RATE_LIMIT_LOGIN_FAILURES = '1000000'
  app = await startTestApp()
  const jwt = await loginStaff(app.payload, app.baseUrl)
  const terms = await makePolicy(app.payload, { title: 'Hostile terms' })
  const privacy = await makePolicy(app.payload, { title: 'Hostile privacy' })
  // Generated publications go here, so the versions that generated acceptances name stay in force.
  const scratch = await makePolicy(app.payload, { title: 'Hostile scratch' })
  const published = await makeVersion(app.payload, terms.id, { _status: 'published' })
  await makeVersion(app.payload, privacy.id, { _status: 'published' })
  const privacyV2 = await makeVersion(app.payload, privacy.id, { _status: 'published', summary: 'Second' }, '# Policy\n\nWe keep your data safer.')
  const draft = await makeVersion(app.payload, terms.id, { summary: DRAFT, changeClass: 'material' }, `# Draft\n\n${DRAFT} text.`)
  await upsertSubjects(app.payload, subjects.map((externalId, i) => ({ externalId, email: `person${i}${PERSON}`, name: `Person ${i}` })))
  const integration = (await createApiKey(app.payload, 'hostile host', 'integration')).key
  const revoked = await createApiKey(app.payload, 'hostile revoked', 'integration')
  await app.payload.update({ collection: 'api-keys', id: revoked.id, data: { revokedAt: new Date().toISOString() } })
  auth = {
    none: {},
    integration: { authorization: `Bearer ${integration}` },
    audit: { authorization: `Bearer ${(await createApiKey(app.payload, 'hostile audit', 'audit')).key}` },
    revoked: { authorization: `Bearer ${revoked.key}` },
    admin: { authorization: `JWT ${jwt.admin}` },
    editor: { authorization: `JWT ${jwt.editor}` },
    auditor: { authorization: `JWT ${jwt.auditor}` },
  }
  const accepted = await fetch(`${app.baseUrl}/api/v1/acceptances`, {
    method: 'POST',
    headers: { ...auth.integration, 'content-type': 'application/json' },
    body: JSON.stringify({ subject: 'hostile-0', versions: [{ policy: terms.slug, version: published.version, contentHash: published.contentHash }] }),
  })
  expect(accepted.status).toBe(201)
  // French and Arabic offered, so that translations can get past the language check.
  await app.payload.updateGlobal({ slug: 'site-languages', data: { locales: 'en, fr, ar' } })
  // A signed checkpoint, so that ledger proofs can succeed.
  await createCheckpoint(app.payload)
  const first = async (collection: 'acceptances' | 'subjects' | 'users' | 'ledger-entries', where = {}) => (await app.payload.find({ collection, where, limit: 1, depth: 0 })).docs[0].id
  s = {
    terms: terms.slug, privacy: privacy.slug, scratch: scratch.slug, termsId: terms.id, scratchId: scratch.id, hash: published.contentHash!,
    accepts: [{ policy: terms.slug, version: published.version!, contentHash: published.contentHash! }, { policy: privacy.slug, version: privacyV2.version!, contentHash: privacyV2.contentHash! }], draftId: draft.id, publishedId: published.id,
    acceptanceId: await first('acceptances'), subjectId: await first('subjects'), adminId: await first('users', { email: { equals: 'admin@example.com' } }), ledgerId: await first('ledger-entries'),
  }
})

afterAll(async () => {
  // Every failure in full, for whoever reads a red run (the assertions show five of each).
  const failures = Object.fromEntries(Object.entries(tally).filter(([, v]) => Array.isArray(v) && v.length > 0))
  if (Object.keys(failures).length > 0) {
    mkdirSync('test-results', { recursive: true })
    writeFileSync(`test-results/hostile-input-${process.env.TEST_DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite'}.json`, JSON.stringify(failures, null, 2))
  }
  // Figures only from a run that went through every phase: a half run would report false zeros.
  if (completed.size === 3) {
    recordFigure(AREA, 'cases sent', tally.sent)
    recordFigure(AREA, 'refused requests sent (state checked)', tally.refusedSent)
    recordFigure(AREA, '5xx responses', tally.serverErrors.length, 0)
    recordFigure(AREA, 'stack traces', tally.traces.length, 0)
    recordFigure(AREA, 'Assent errors not shaped { error: { code, message } }', tally.badShapes.length, 0)
    recordFigure(AREA, 'anonymous answers with private data', tally.anonymousLeaks.length, 0)
    recordFigure(AREA, 'state changes on refused requests', tally.stateChanges.length, 0)
    recordFigure(AREA, 'injection payloads tried', tally.injections)
    recordFigure(AREA, 'injection rows leaked', tally.injectionLeaks.length, 0)
  }
  await app?.close()
})

// ---- sending and judging one request ----

// Stack frames, module paths and source locations; matched only when the request did not carry them.
const INTERNALS = [/ {4}at \S+/, /node_modules/, /[\w-]+\.[cm]?[jt]sx?:\d+/, /(?:\/work|\/home|\/usr\/src|\/app)\/[\w.-]+\//, /\b(?:SqliteError|LibsqlError|SQLITE_\w+|DrizzleError|error: syntax error at or near)\b/]
// What no anonymous caller may ever read: draft text, subjects' addresses, staff accounts, key hashes.
const PRIVATE = [DRAFT, PERSON, 'admin@example.com', 'editor@example.com', 'auditor@example.com', '"keyHash"', '"leafHash"']

async function send(r: Sent): Promise<{ status: number; text: string }> {
  try {
    const res = await fetch(`${app.baseUrl}${r.url}`, { method: r.method, headers: r.headers, body: r.body, redirect: 'manual' })
    return { status: res.status, text: await res.text() }
  } catch (error) {
    // A dropped connection is the server failing to answer: counted with the 5xx.
    return { status: 0, text: String((error as Error).cause ?? error) }
  }
}

const describeSent = (r: Sent, status: number, text: string) => `${r.method} ${r.url.slice(0, 160)} [${JSON.stringify(r.headers).slice(0, 100)}] ${r.body?.slice(0, 100) ?? ''} → ${status} ${text.slice(0, 200)}`

/** Sends a request and checks the rules every answer keeps; `generated` ones count as cases sent. */
async function sendAndCheck(r: Sent, generated = true): Promise<{ status: number; text: string }> {
  const { status, text } = await send(r)
  if (generated) tally.sent++
  const what = describeSent(r, status, text)
  const asked = `${safeDecode(r.url)} ${r.body ?? ''} ${JSON.stringify(r.headers)}`
  if (status >= 500 || status === 0) tally.serverErrors.push(what)
  if (INTERNALS.some((re) => re.exec(text) && !asked.includes(re.exec(text)![0]))) tally.traces.push(what)
  // 431: Node refuses an oversized request line before Assent sees it.
  if (r.url.startsWith('/api/v1') && status >= 400 && status !== 431 && !hasErrorShape(text)) tally.badShapes.push(what)
  // The OpenAPI document is public by design; its examples name fields such as leafHash.
  const documentation = r.url.startsWith('/api/v1/openapi.json')
  if (r.anonymous && status < 300 && !documentation && PRIVATE.some((m) => text.includes(m) && !asked.includes(m))) tally.anonymousLeaks.push(what)
  return { status, text }
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url)
  } catch {
    return url
  }
}

function hasErrorShape(text: string): boolean {
  try {
    const { error } = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }
    return typeof error?.code === 'string' && typeof error.message === 'string'
  } catch {
    return false
  }
}

/** Runs `work` over `items`, IN_FLIGHT at a time. */
async function pool<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < items.length) await work(items[next++])
  }))
}

// ---- generators ----

const NASTY = ['', ' ', '0', '-1', '1.5', '1e309', 'NaN', 'Infinity', '9'.repeat(30), 'true', 'null', 'undefined', '[]', '{}', '__proto__', 'constructor', 'toString', '%', '_', '*',
  "' OR '1'='1", '1);DROP TABLE subjects;--', '{"$gt":""}', '{"$ne":null}', '$where', '../../etc/passwd', '..\\..\\boot.ini', '<script>alert(1)</script>', '${7*7}', '{{constructor.constructor("return 1")()}}',
  '\u0000', '\u202e', '\ufeff', 'ſ', 'İ', '😀'.repeat(20), 'a'.repeat(5000), '2027-02-30', '2027-01-01T25:61:00Z', '+275760-09-13T00:00:00Z', '0001-01-01', '-000001-01-01T00:00:00Z']
const text = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) }, { weight: 3, arbitrary: fc.constantFrom(...NASTY) })
const enc = (v: string) => encodeURIComponent(v.toWellFormed())
// Keeps the brackets of a key readable to qs, so nested filters reach Payload as filters.
const encKey = (k: string) => enc(k).replace(/%5B/gi, '[').replace(/%5D/gi, ']')
const printable = fc.string({ maxLength: 60 }).map((v) => v.replace(/[^\x20-\x7e]/g, ''))
const isoDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString())
const hex64 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 })
const withExtra = (arb: fc.Arbitrary<Record<string, unknown>>) =>
  fc.tuple(arb, fc.option(fc.dictionary(text, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }), { freq: 4 })).map(([body, extra]) => (extra ? { ...body, ...extra } : body))

/** Mostly the valid value (so requests get past validation), else a hostile one. */
const v = <T,>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown> = text) => fc.oneof({ weight: 3, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: hostile })
/** A body with `required` fields always present (their values mostly valid) and the others sometimes. */
const shape = (required: Record<string, fc.Arbitrary<unknown>>, optional: Record<string, fc.Arbitrary<unknown>> = {}) =>
  withExtra(fc.record({ ...required, ...optional }, { requiredKeys: Object.keys(required) }) as fc.Arbitrary<Record<string, unknown>>)

const COMMON_KEYS = ['where[title][like]', 'where[or][0][_status][equals]', 'where[email][exists]', 'where[id][in][0]', 'where[and][0][slug][not_equals]', 'sort', 'depth', 'limit', 'page', 'draft', 'locale', 'select[email]', 'populate[policy]', 'trash', '__proto__[x]', 'constructor[prototype][x]', 'a[b][c][d][e][f][g][h][i][j][k][l]', 'x[]']

/** `real` with its last characters replaced by `tail`, or by another tail when it already ends so
 * (a random key ending in "zz" would otherwise be "forged" into itself). */
const tampered = (real: string, tail: string) => real.slice(0, -tail.length) + (real.endsWith(tail) ? tail.replace(/./g, '0') : tail)

function forged(): fc.Arbitrary<string> {
  const jwt = auth.admin.authorization.slice(4)
  const key = auth.integration.authorization.slice(7)
  return fc.oneof(
    fc.constantFrom('Bearer', 'Bearer ', 'JWT', 'Basic YWRtaW46YWRtaW4=', 'Bearer null', 'JWT undefined', `JWT ${tampered(jwt, 'abc')}`, `Bearer ${tampered(key, 'zz')}`, `Bearer ${key} ${key}`, `JWT ${jwt}.${jwt}`, `JWT ${key}`,
      'JWT eyJhbGciOiJub25lIn0.eyJpZCI6MSwiY29sbGVjdGlvbiI6InVzZXJzIiwiZW1haWwiOiJhZG1pbkBleGFtcGxlLmNvbSJ9.'),
    printable.map((v) => `Bearer ${v}`),
    printable.map((v) => `JWT ${v}`),
    printable,
  )
}

/** Credentials for a route: mostly the right one (so validation is reached), else others or forged ones. */
const credArb = (right: Cred[]): fc.Arbitrary<{ headers: Record<string, string>; anonymous: boolean }> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...right).map((c) => ({ headers: auth[c], anonymous: c === 'none' || c === 'revoked' })) },
    { weight: 2, arbitrary: fc.constantFrom<Cred>('none', 'integration', 'audit', 'revoked', 'admin', 'editor', 'auditor').map((c) => ({ headers: auth[c], anonymous: c === 'none' || c === 'revoked' })) },
    { weight: 2, arbitrary: forged().map((a) => ({ headers: { authorization: a }, anonymous: true })) },
  )

const extraHeaders = fc.array(
  fc.tuple(
    fc.constantFrom('x-forwarded-for', 'forwarded', 'accept', 'accept-language', 'accept-encoding', 'if-none-match', 'if-modified-since', 'range', 'origin', 'referer', 'user-agent', 'cookie', 'x-http-method-override', 'x-payload-http-method-override', 'content-language', 'x-forwarded-host', 'x-forwarded-proto'),
    fc.oneof(printable, fc.constantFrom('GET', 'DELETE', 'PATCH', '*/*', 'text/html', 'application/json', 'bytes=0-0', 'bytes=-1,5-', '1.2.3.4, ::1', 'unknown', 'payload-token=forged', '"etag"', 'W/"x"', 'null', 'https://evil.example', 'x'.repeat(4000))),
  ),
  { maxLength: 3 },
)
const contentTypes = ['application/json; charset=utf-8', 'application/json; charset=utf-16', 'application/json; charset=nonsense', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', 'application/xml', '']
const rawJunk = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('{', '{"a":', '[1,2', 'null', '"x"', '[]', '1', '{"a":1}{"b":2}', `{"deep":${'['.repeat(3000)}${']'.repeat(3000)}}`, 'a=1&b=2', '--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--zz--', '{"a":"\\u0000"}', '\u0000\u0001', '{"__proto__":{"polluted":true}}'))

/** A body: the route's own shape (often valid), any JSON, or junk under any content type. */
const bodyArb = (shape: fc.Arbitrary<unknown>): fc.Arbitrary<{ body: string; type: string }> =>
  fc.oneof(
    { weight: 6, arbitrary: shape.map((b) => ({ body: JSON.stringify(b), type: 'application/json' })) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((b) => ({ body: JSON.stringify(b), type: 'application/json' })) },
    { weight: 2, arbitrary: fc.record({ body: fc.oneof(rawJunk, shape.map((b) => JSON.stringify(b))), type: fc.constantFrom(...contentTypes) }) },
  )

/** Query parameters a route reads, each with the values it accepts. */
type Params = Record<string, fc.Arbitrary<string>>

/**
 * A generated request on a route template (`:slug`, `:version`, `:id`, `:subject`, `:any`): the
 * route's own query parameters (each present half the time, mostly valid) plus stray ones.
 */
function requestArb(method: string, template: string, right: Cred[], own: Params, shape?: fc.Arbitrary<unknown>): fc.Arbitrary<Sent> {
  const params: Record<string, fc.Arbitrary<string>> = {
    slug: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(s.terms, s.privacy) }, { weight: 2, arbitrary: text }),
    scratch: fc.oneof({ weight: 3, arbitrary: fc.constant(s.scratch) }, { weight: 1, arbitrary: text }),
    version: fc.oneof(fc.constantFrom('1', '2', '0', '01', '-1', '1.0', '999999999', '1e3'), text),
    id: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(String(s.draftId), String(s.publishedId), String(s.subjectId), String(s.adminId)) }, { weight: 1, arbitrary: fc.integer().map(String) }, { weight: 1, arbitrary: text }),
    subject: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...subjects) }, { weight: 2, arbitrary: text }),
    any: text,
  }
  const names = [...template.matchAll(/:(\w+)/g)].map((m) => m[1])
  const ownPairs = fc.tuple(...Object.entries(own).map(([k, valid]) => fc.option(v(valid).map((value) => [k, String(value)] as const), { freq: 2, nil: undefined })))
  const stray = fc.array(fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...COMMON_KEYS) }, { weight: 1, arbitrary: text }), fc.oneof(text, fc.constantFrom('1', '0', 'true', s.terms, 'hostile-1', '2026-01-01'))), { maxLength: 3 })
  const query = fc.tuple(ownPairs, stray).map(([mine, others]) => [...mine.filter((p) => p !== undefined), ...others].map(([k, value]) => `${encKey(k)}=${enc(value)}`).join('&'))
  const hasBody = method !== 'GET' && method !== 'DELETE'
  return fc.record({
    segments: fc.tuple(...names.map((n) => params[n])),
    query,
    cred: credArb(right),
    extra: extraHeaders,
    body: hasBody && shape ? bodyArb(shape) : fc.constant(undefined),
  }).map(({ segments, query, cred, extra, body }) => {
    let i = 0
    const path = template.replace(/:\w+/g, () => enc(segments[i++]))
    const headers: Record<string, string> = Object.fromEntries(extra)
    Object.assign(headers, cred.headers)
    if (body?.type) headers['content-type'] = body.type
    return { method, url: query ? `${path}?${query}` : path, headers, body: body?.body, anonymous: cred.anonymous, route: `${method} ${template}` }
  })
}

// ---- the routes ----

const shapes = () => ({
  translation: shape({ locale: v(fc.constantFrom('fr', 'ar', 'de', 'en', 'fr-CA')), markdown: v(fc.constantFrom('# Conditions\n\nTexte hostile mais valide.', '# شروط\n\nنص.')), summary: v(fc.constant('Une traduction')) }),
  publish: shape({ markdown: v(fc.constantFrom('# Terms\n\nHostile but valid.', '## A\n\n- one\n- two\n\n[link](https://example.com)')), changeClass: v(fc.constantFrom('editorial', 'informational', 'material')), summary: v(fc.constant('A change')) }, { effectiveAt: v(isoDate), effectiveOverrideReason: text }),
  subject: shape({}, { email: v(fc.oneof(fc.emailAddress(), fc.constant(null))), locale: v(fc.constantFrom('en', 'fr-CA', null)), name: v(fc.oneof(fc.string({ maxLength: 30 }), fc.constant(null))) }),
  bulk: shape({ subjects: v(fc.array(shape({ externalId: v(fc.constantFrom(...subjects, 'bulk-1', 'bulk-2')) }, { email: v(fc.emailAddress()), locale: v(fc.constant('en')), name: v(fc.string({ maxLength: 30 })) }), { minLength: 1, maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })) }),
  acceptance: shape({
    subject: v(fc.constantFrom(...subjects), fc.oneof(text, fc.jsonValue({ maxDepth: 2 }))),
    versions: v(fc.array(v(fc.constantFrom(...s.accepts), shape({ policy: v(fc.constantFrom(s.terms, s.privacy)), version: v(fc.constantFrom(1, 2), fc.oneof(fc.integer(), fc.double(), text)), contentHash: v(fc.constantFrom(...s.accepts.map((a) => a.contentHash)), fc.oneof(hex64, text)) })), { minLength: 1, maxLength: 2 }), fc.jsonValue({ maxDepth: 2 })),
  }, { method: v(fc.constantFrom('clickwrap', 'api')), source: v(fc.constantFrom('login-banner', 'embed', 'email-link', 'api')), locale: v(fc.constant('en')), idempotencyKey: v(fc.stringMatching(/^[a-z0-9-]{8,20}$/)) }),
  // hostile-0 holds the seeded acceptance: it is never a valid erasure here.
  erase: shape({ confirm: v(fc.constantFrom(...subjects.slice(1))) }),
})

const restShapes = (): Record<string, fc.Arbitrary<unknown>> => ({
  policies: shape({ title: v(fc.string({ minLength: 1, maxLength: 30 })), slug: v(fc.stringMatching(/^[a-z]{1,8}(-[a-z0-9]{1,4})?$/)) }, { noticePeriodDays: v(fc.integer({ min: 0, max: 90 }), fc.oneof(fc.integer(), text)), acceptanceMode: v(fc.constantFrom('clickwrap', 'continued-use')), bundle: text }),
  'policy-versions': shape({ policy: v(fc.constant(s.scratchId), fc.oneof(text, fc.integer())), changeClass: v(fc.constantFrom('editorial', 'material')), summary: v(fc.constant('REST draft')) }, { body: fc.jsonValue({ maxDepth: 3 }), _status: fc.constantFrom('draft', 'published', 'x'), version: fc.integer(), publishedAt: isoDate, contentHash: text }),
  subjects: shape({ externalId: v(fc.stringMatching(/^rest-[a-z0-9]{4,10}$/)) }, { email: v(fc.emailAddress()), locale: text, name: text, erasedAt: isoDate, externalIdHash: text }),
  acceptances: shape({ subject: fc.constant(s.subjectId), policy: fc.constant(s.termsId), version: fc.constant(s.publishedId), versionNumber: fc.integer(), method: fc.constantFrom('api', 'import'), contentHash: hex64, acceptedAt: isoDate }),
  users: shape({ email: v(fc.emailAddress()), password: v(fc.constant('long-enough-password-1')) }, { role: v(fc.constantFrom('admin', 'editor', 'auditor')), name: text }),
  'api-keys': shape({ name: v(fc.string({ minLength: 1, maxLength: 20 })), scope: v(fc.constantFrom('integration', 'audit')) }, { key: text, keyHash: hex64, revokedAt: isoDate }),
  'version-translations': shape({ version: v(fc.constantFrom(s.draftId, s.publishedId), fc.oneof(text, fc.integer())), locale: v(fc.constantFrom('fr', 'ar', 'de')), summary: v(fc.constant('REST translation')) }, { body: fc.jsonValue({ maxDepth: 3 }), _status: fc.constantFrom('draft', 'published', 'x'), frozenAt: isoDate, contentHash: text, text }),
  'webhook-endpoints': shape({ url: v(fc.constantFrom('https://hooks.example/assent', 'http://127.0.0.1/x', 'file:///etc/passwd')) }, { events: fc.jsonValue({ maxDepth: 2 }) }),
})

const COLLECTIONS = ['policies', 'policy-versions', 'version-translations', 'subjects', 'acceptances', 'notices', 'ledger-entries', 'ledger-checkpoints', 'access-records', 'api-keys', 'users', 'idempotency-records', 'webhook-endpoints', 'webhook-deliveries']

/** Every JSON route, with the credentials that open it and the query keys it reads. */
function generatedRoutes(): Array<{ arb: fc.Arbitrary<Sent>; runs: number }> {
  const b = shapes()
  const staff: Cred[] = ['admin', 'editor', 'auditor']
  const slug = fc.constantFrom(s.terms, s.privacy)
  const n = fc.constantFrom('1', '2')
  const lang = fc.constantFrom('fr', 'en', 'fr-CA', 'ar', 'de', 'FR', 'x-y-z')
  const list: Params = { limit: fc.constantFrom('1', '10'), page: fc.constantFrom('1', '2'), depth: fc.constantFrom('0', '1', '2'), sort: fc.constantFrom('createdAt', '-updatedAt', 'id'), draft: fc.constantFrom('true', 'false') }
  const assent: fc.Arbitrary<Sent>[] = [
    requestArb('GET', '/api/v1/openapi.json', ['none'], {}),
    requestArb('GET', '/api/v1/policies', ['none'], {}),
    requestArb('GET', '/api/v1/policies/:slug', ['none'], {}),
    requestArb('GET', '/api/v1/policies/:slug/versions', ['none'], {}),
    requestArb('GET', '/api/v1/policies/:slug/versions/:version', ['none'], { lang }),
    requestArb('GET', '/api/v1/policies/:slug/in-force', ['none'], { at: fc.oneof(isoDate, fc.constantFrom('2026-06-01', '2030-01-01T00:00:00+02:00')), lang }),
    requestArb('GET', '/api/v1/policies/:slug/diff', ['none'], { from: n, to: n, lang }),
    requestArb('POST', '/api/v1/policies/:scratch/versions', ['admin', 'editor'], {}, b.publish),
    requestArb('POST', '/api/v1/policies/:slug/versions/:version/translations', ['admin', 'editor'], {}, b.translation),
    requestArb('GET', '/api/v1/policy-versions/:id/translations', staff, {}),
    requestArb('GET', '/api/v1/policy-versions/:id/notice-preview', staff, { part: fc.constantFrom('html', 'text') }),
    requestArb('PUT', '/api/v1/subjects', ['integration'], {}, b.bulk),
    requestArb('PUT', '/api/v1/subjects/:subject', ['integration'], {}, b.subject),
    requestArb('GET', '/api/v1/subjects/:subject/status', ['integration'], { create: fc.constantFrom('true', '1', 'false'), record: fc.constant('display') }),
    requestArb('POST', '/api/v1/subjects/:subject/token', ['integration'], { create: fc.constantFrom('true', 'false') }, fc.jsonValue({ maxDepth: 1 })),
    requestArb('POST', '/api/v1/acceptances', ['integration'], {}, b.acceptance),
    requestArb('GET', '/api/v1/ledger/public-key', ['none'], {}),
    requestArb('GET', '/api/v1/ledger/checkpoints', ['none'], { after: fc.constantFrom('0', '1', '3'), limit: fc.constantFrom('1', '2', '1000') }),
    requestArb('GET', '/api/v1/ledger/checkpoints/latest', ['none'], {}),
    requestArb('GET', '/api/v1/ledger/proofs/inclusion', ['audit'], { seq: fc.constant('1'), treeSize: fc.constant('1') }),
    requestArb('GET', '/api/v1/ledger/proofs/consistency', ['audit'], { from: fc.constant('1'), to: fc.constant('1') }),
    requestArb('GET', '/api/v1/audit/coverage/:slug', ['audit', 'auditor', 'admin'], { version: n }),
    requestArb('GET', '/api/v1/audit/export', ['audit', 'auditor', 'admin'], { type: fc.constantFrom('acceptances', 'notices'), format: fc.constantFrom('csv', 'jsonl'), policy: slug, version: n, from: fc.constant('2020-01-01'), to: isoDate, subject: fc.constantFrom(...subjects) }),
    requestArb('GET', '/api/v1/audit/subjects/:subject/evidence', ['audit', 'auditor', 'admin'], {}),
    requestArb('POST', '/api/v1/subjects/:subject/erase', ['admin'], {}, b.erase),
    fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE').chain((m) => requestArb(m, '/api/v1/:any', ['none', 'integration', 'admin'], {}, fc.jsonValue({ maxDepth: 2 }))),
  ]
  const docs = restShapes()
  const rest = COLLECTIONS.flatMap((c) => [
    requestArb('GET', `/api/${c}`, ['none', ...staff], list),
    requestArb('POST', `/api/${c}`, ['admin', 'editor', 'none'], {}, docs[c] ?? fc.dictionary(text, fc.jsonValue({ maxDepth: 2 }))),
    requestArb('GET', `/api/${c}/:id`, ['none', ...staff], { depth: list.depth, draft: list.draft }),
  ])
  rest.push(requestArb('GET', '/api/globals/banner-template', ['none', ...staff], { depth: list.depth }))
  rest.push(requestArb('GET', '/api/globals/site-languages', ['none', ...staff], { depth: list.depth }))
  return [...assent.map((arb) => ({ arb, runs: GENERATED_PER_ASSENT_ROUTE })), ...rest.map((arb) => ({ arb, runs: GENERATED_PER_REST_ROUTE }))]
}

// ---- requests that must all be refused ----

type Auth = { headers: Record<string, string>; anonymous: boolean }
const as = (...cs: Cred[]): fc.Arbitrary<Auth> => fc.constantFrom(...cs).map((c) => ({ headers: auth[c], anonymous: c === 'none' || c === 'revoked' }))
/** No credential, a forged or revoked one, or one of `wrong` (a real credential that lacks the right). */
const badAuth = (...wrong: Cred[]): fc.Arbitrary<Auth> => fc.oneof(as('none', 'revoked', ...wrong), forged().map((a) => ({ headers: { authorization: a }, anonymous: true })))
// Query keys that switch behaviour (create, where, draft…) stay out: these requests must be refused whatever.
const junkQuery = fc.array(fc.tuple(text, text), { maxLength: 3 }).map((pairs) => pairs.filter(([k]) => !/create|record|where|draft|depth|select|populate/i.test(k)).map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&'))
const calmHeaders = extraHeaders.map((pairs) => pairs.filter(([name]) => !name.includes('override')))
const fresh = fc.stringMatching(/^fresh-[a-z0-9]{8,12}$/)

/** A request to `path` (`:fresh`: a subject that does not exist) that must be refused. */
function refused(method: string, path: string, who: fc.Arbitrary<Auth>, body?: fc.Arbitrary<unknown>, type: fc.Arbitrary<string> = fc.constant('application/json'), query: fc.Arbitrary<string> = junkQuery): fc.Arbitrary<Sent> {
  return fc.record({ who, id: fresh, query, extra: calmHeaders, body: body ? fc.tuple(body, type) : fc.constant(undefined) }).map(({ who, id, query, extra, body }) => {
    const url = path.replace(':fresh', id)
    const headers: Record<string, string> = { ...Object.fromEntries(extra), ...who.headers }
    if (body) headers['content-type'] = body[1]
    return { method, url: query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url, headers, body: body ? JSON.stringify(body[0]) : undefined, anonymous: who.anonymous }
  })
}

function refusedScenarios(): fc.Arbitrary<Sent>[] {
  const validPublish = fc.constant({ markdown: '# Terms\n\nRefused.', changeClass: 'editorial', summary: 'Refused' })
  // Valid but for the caller or the policy: the terms' version 1 has no French text in this set-up
  // until a generated request adds one, so a right caller could succeed; only wrong ones use it.
  const validTranslation = fc.constant({ locale: 'fr', markdown: '# Conditions\n\nRefusé.', summary: 'Refusé' })
  const validAcceptance = fc.constant({ subject: 'hostile-1', versions: [{ policy: s.terms, version: 1, contentHash: s.hash }] })
  const validUser = fresh.map((id) => ({ email: `${id}@example.com`, password: 'long-enough-password-1', role: 'admin' }))
  const notJson = fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml')
  const other = (not: string) => text.filter((t) => t !== not && t.trim() !== not)
  const unknownKey = fc.dictionary(text.map((k) => `x-${k}`), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 2 })
  const nobodyCreates = ['acceptances', 'notices', 'ledger-entries', 'ledger-checkpoints', 'access-records', 'idempotency-records', 'webhook-deliveries']
  return [
    // A valid request from someone who may not make it: refused at the door.
    refused('POST', `/api/v1/policies/${s.terms}/versions`, badAuth('auditor', 'integration', 'audit'), validPublish),
    refused('GET', `/api/v1/policy-versions/${s.draftId}/notice-preview`, badAuth('integration', 'audit')),
    refused('PUT', '/api/v1/subjects', badAuth('audit', 'admin'), fc.record({ subjects: fc.array(fc.record({ externalId: fresh, email: fc.emailAddress() }), { minLength: 1, maxLength: 3 }) })),
    refused('PUT', '/api/v1/subjects/:fresh', badAuth('audit', 'admin'), fc.record({ email: fc.emailAddress() })),
    refused('GET', '/api/v1/subjects/:fresh/status?create=true', badAuth('audit', 'admin')),
    refused('POST', '/api/v1/subjects/:fresh/token?create=true', badAuth('audit', 'admin')),
    refused('POST', '/api/v1/acceptances', badAuth('audit', 'admin'), validAcceptance),
    refused('POST', '/api/v1/subjects/hostile-1/erase', badAuth('editor', 'auditor', 'integration', 'audit'), fc.constant({ confirm: 'hostile-1' })),
    // A successful audit call writes an access record; a refused one must not.
    refused('GET', '/api/v1/audit/export?format=jsonl', badAuth('integration', 'editor')),
    refused('GET', `/api/v1/audit/coverage/${s.terms}`, badAuth('integration', 'editor')),
    refused('GET', '/api/v1/audit/subjects/hostile-0/evidence', badAuth('integration', 'editor')),
    refused('GET', '/api/v1/ledger/proofs/inclusion?seq=1&treeSize=1', badAuth('integration', 'admin', 'auditor')),
    refused('POST', '/api/users', badAuth('editor', 'auditor', 'integration'), validUser),
    refused('POST', '/api/api-keys', badAuth('editor', 'auditor', 'integration'), fc.constant({ name: 'stolen', scope: 'audit' })),
    refused('POST', '/api/subjects', badAuth('editor', 'auditor', 'integration'), fresh.map((externalId) => ({ externalId }))),
    refused('POST', '/api/policies', badAuth('auditor', 'integration'), fresh.map((slug) => ({ title: 'Sneaked', slug, noticePeriodDays: 30, acceptanceMode: 'clickwrap' }))),
    refused('POST', '/api/policy-versions', badAuth('auditor', 'integration'), fc.constant({ policy: s.termsId, changeClass: 'editorial', summary: 'Sneaked' })),
    refused('PATCH', `/api/users/${s.adminId}`, badAuth('editor', 'auditor'), fc.constantFrom({ role: 'editor' }, { name: 'Renamed' }, { email: 'taken@example.com' })),
    refused('DELETE', `/api/policies/${s.termsId}`, badAuth('editor', 'auditor')),
    // The right credential, input that must be refused.
    refused('POST', `/api/v1/policies/${s.terms}/versions`, as('admin', 'editor'), fc.oneof(
      fc.tuple(validPublish, unknownKey).map(([b, x]) => ({ ...b, ...x })),
      fc.record({ markdown: fc.constantFrom('', '   ', '\n\n'), changeClass: fc.constant('editorial'), summary: fc.constant('Empty') }),
      fc.record({ markdown: fc.constant('# T\n\nx'), changeClass: text.filter((c) => !['editorial', 'informational', 'material'].includes(c)), summary: fc.constant('Bad class') }),
      // Past the rules of effective dates: refused inside the publishing transaction.
      fc.record({ markdown: fc.constant('# T\n\nx'), changeClass: fc.constantFrom('material', 'informational', 'editorial'), summary: fc.constant('Backdated'), effectiveAt: fc.constantFrom('2000-01-01T00:00:00Z', '1999-12-31T23:59:59+01:00') }),
      fc.record({ markdown: fc.constant('# T\n\nx'), changeClass: fc.constant('material'), summary: fc.constant('Too soon'), effectiveAt: fc.constant(new Date(Date.now() + 86_400_000).toISOString()) }),
    )),
    refused('POST', '/api/v1/policies/:fresh/versions', as('admin'), validPublish),
    refused('POST', `/api/v1/policies/${s.terms}/versions/1/translations`, badAuth('auditor', 'integration', 'audit'), validTranslation),
    refused('POST', `/api/v1/policies/${s.terms}/versions/1/translations`, as('admin', 'editor'), fc.oneof(
      fc.constantFrom('de', 'en', 'FR_fr', '', 'x'.repeat(36)).map((locale) => ({ locale, markdown: '# T\n\nx', summary: 'Refused' })),
      fc.constant({ locale: 'fr', summary: 'No text' }),
      fc.constant({ locale: 'fr', markdown: '# T\n\nx', summary: '' }),
      unknownKey.map((x) => ({ locale: 'fr', markdown: '# T\n\nx', summary: 'Refused', ...x })),
    )),
    refused('POST', '/api/v1/policies/:fresh/versions/1/translations', as('admin'), validTranslation),
    refused('POST', `/api/v1/policies/${s.terms}/versions/99/translations`, as('editor'), validTranslation),
    refused('POST', `/api/v1/policies/${s.terms}/versions`, as('admin'), fc.constantFrom('de', 'en', 'not a tag').map((locale) => ({ markdown: '# Terms\n\nRefused.', changeClass: 'editorial', summary: 'Refused', translations: { [locale]: { markdown: '# T\n\nx', summary: 'x' } } }))),
    refused('POST', `/api/v1/policies/${s.terms}/versions`, as('admin'), validPublish, notJson),
    refused('PUT', '/api/v1/subjects', as('integration'), fc.oneof(
      fc.tuple(fresh, fresh).map(([a, b]) => ({ subjects: [{ externalId: a, email: `${a}@example.com` }, { externalId: b, email: 'not-an-email' }] })),
      fc.constant({ subjects: [] }),
      fc.tuple(fresh, unknownKey).map(([a, x]) => ({ subjects: [{ externalId: a }], ...x })),
      fc.tuple(fresh, unknownKey).map(([a, x]) => ({ subjects: [{ externalId: a, ...x }] })),
      fc.constant({ subjects: [{ externalId: '   ' }] }),
    )),
    refused('PUT', '/api/v1/subjects/:fresh', as('integration'), fc.oneof(fc.constant({ email: 'not-an-email' }), fc.constant({ name: 'x'.repeat(301) }), fc.constant({ locale: 'x'.repeat(36) }), fc.constant({ email: 5 }), unknownKey)),
    refused('GET', '/api/v1/subjects/:fresh/status', as('integration')),
    refused('POST', '/api/v1/subjects/:fresh/token', as('integration')),
    refused('POST', '/api/v1/acceptances', as('integration'), fc.oneof(
      hex64.filter((h) => h !== s.hash).map((contentHash) => ({ subject: 'hostile-1', versions: [{ policy: s.terms, version: 1, contentHash }] })),
      fresh.map((subject) => ({ subject, versions: [{ policy: s.terms, version: 1, contentHash: s.hash }] })),
      fc.constant({ subject: 'hostile-1', versions: [{ policy: s.terms, version: 99, contentHash: s.hash }] }),
      fc.constant({ subject: 'hostile-1', versions: [{ policy: 'no-such-policy', version: 1, contentHash: s.hash }] }),
      fc.constant({ subject: 'hostile-1', versions: [] }),
      fc.constant({ subject: 'hostile-1', versions: [{ policy: s.terms, version: 1, contentHash: s.hash }], idempotencyKey: 'short' }),
      unknownKey.map((x) => ({ subject: 'hostile-1', versions: [{ policy: s.terms, version: 1, contentHash: s.hash }], ...x })),
    )),
    fc.constantFrom(...subjects.slice(1)).chain((id) => refused('POST', `/api/v1/subjects/${id}/erase`, as('admin'), fc.oneof(other(id).map((confirm) => ({ confirm })), fc.constant({}), fc.constant({ confirm: [id] })))),
    refused('POST', '/api/v1/subjects/hostile-2/erase', as('admin'), fc.constant({ confirm: 'hostile-2' }), notJson),
    refused('POST', '/api/v1/subjects/:fresh/erase', as('admin'), fc.constant({ confirm: 'fresh-not-this-one' })),
    refused('GET', '/api/v1/audit/export', as('audit', 'auditor'), undefined, undefined, fc.oneof(
      fresh.map((id) => `subject=${id}`),
      fc.constantFrom('policy=no-such-policy', `policy=${s.terms}&version=abc`, 'version=1', 'from=2027-01-01&to=2026-01-01', 'type=ledger', 'format=xml', 'unknown=1', `policy=${enc("x' OR 1=1--")}`),
    )),
    refused('GET', '/api/v1/audit/subjects/:fresh/evidence', as('audit', 'admin')),
    refused('GET', '/api/v1/audit/coverage/:fresh', as('audit', 'auditor')),
    refused('POST', '/api/policies', as('admin'), fc.oneof(fresh.map((slug) => ({ slug })), fresh.map((slug) => ({ title: 'x', slug, noticePeriodDays: 30, acceptanceMode: 'bogus' })))),
    refused('POST', '/api/users', as('admin'), fc.oneof(fc.constant({ email: 'not-an-email', password: 'long-enough-password-1', role: 'editor' }), fresh.map((id) => ({ email: `${id}@example.com`, password: 'long-enough-password-1', role: 'root' })))),
    refused('POST', '/api/api-keys', as('admin'), fc.constantFrom({ name: 'x', scope: 'root' }, { scope: 'audit' })),
    refused('POST', '/api/subjects', as('admin'), fc.constantFrom({}, { email: 'not-an-email' })),
    refused('POST', '/api/policies', as('admin'), fresh.map((slug) => ({ title: 'x', slug, noticePeriodDays: 30, acceptanceMode: 'clickwrap' })), notJson),
    fc.constantFrom(...nobodyCreates).chain((c) => refused('POST', `/api/${c}`, as('admin', 'auditor'), fc.constant({ subject: s.subjectId, policy: s.termsId, version: s.publishedId, versionNumber: 1, method: 'api', contentHash: s.hash, seq: 999, kind: 'acceptance', body: '{}', leafHash: s.hash, recordedAt: new Date().toISOString() }))),
    refused('PATCH', `/api/policy-versions/${s.publishedId}`, as('admin', 'editor'), fc.constantFrom({ summary: 'Rewritten' }, { effectiveAt: '2000-01-01T00:00:00Z' }, { _status: 'draft' })),
    fc.constantFrom(`/api/acceptances/${s.acceptanceId}`, `/api/ledger-entries/${s.ledgerId}`).chain((path) => fc.oneof(refused('PATCH', path, as('admin'), fc.constantFrom({ method: 'import' }, { body: '{}' })), refused('DELETE', path, as('admin')))),
    refused('DELETE', `/api/subjects/${s.subjectId}`, as('admin')),
    refused('DELETE', `/api/policies/${s.termsId}`, as('admin')),
  ]
}

// ---- state ----

const WATCHED = ['policies', 'policy-versions', 'subjects', 'acceptances', 'notices', 'ledger-entries', 'api-keys', 'users', 'idempotency-records', 'webhook-endpoints', 'access-records'] as const

/** Row count and latest change of each collection, the stored version history and the last ledger entry. */
async function snapshot(withAccessLog = true): Promise<Record<string, unknown>> {
  const state: Record<string, unknown> = {}
  for (const collection of WATCHED) {
    if (collection === 'access-records' && !withAccessLog) continue
    const { totalDocs, docs } = await app.payload.find({ collection, limit: 1, sort: '-updatedAt', depth: 0 })
    state[collection] = [totalDocs, docs[0]?.id, docs[0]?.updatedAt]
  }
  state['policy-versions history'] = (await app.payload.countVersions({ collection: 'policy-versions' })).totalDocs
  const [last] = (await app.payload.find({ collection: 'ledger-entries', sort: '-seq', limit: 1, depth: 0 })).docs
  state['last ledger entry'] = last ? [last.seq, last.leafHash] : null
  return state
}

const changed = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys({ ...a, ...b }).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))

/** New entries of each list of the tally since `mark`. */
const mark = () => Object.fromEntries(Object.entries(tally).map(([k, v]) => [k, Array.isArray(v) ? v.length : v])) as Record<keyof typeof tally, number>
type Finding = 'serverErrors' | 'traces' | 'badShapes' | 'anonymousLeaks' | 'notRefused' | 'stateChanges' | 'injectionLeaks'
const since = (m: ReturnType<typeof mark>, key: Finding) => tally[key].slice(m[key])
/** Asserts, in order, that none of `findings` was tallied since `m`; a failure shows the first five. */
const expectNoneSince = (m: ReturnType<typeof mark>, findings: Finding[]) => {
  for (const finding of findings) expect(since(m, finding).slice(0, 5), finding).toEqual([])
}

// ---- injection probes ----

/** A hand-made hostile request and how many rows its answer gave away (0 when none). */
interface Probe { who: Auth; method?: string; url: string; body?: unknown; leaked: (status: number, text: string) => number }

const INJECTIONS = ["' OR 1=1--", "' OR '1'='1", '" OR ""="', '1) OR (1=1', '1);DROP TABLE subjects;--', "x'; DROP TABLE policies; --", '1 UNION SELECT email FROM users--',
  "' UNION SELECT key_hash FROM api_keys--", "%' OR '%'='", '{"$gt":""}', '{"$ne":null}', '{"$where":"1==1"}', "'; select pg_sleep(2); --", "\\' OR 1=1 --", "admin'--", '*)(|(uid=*', '$ne']

const ok = (status: number) => status >= 200 && status < 300
function parsed(text: string): { docs: Array<Record<string, unknown>>; total: number } {
  try {
    const j = JSON.parse(text) as { docs?: Array<Record<string, unknown>>; totalDocs?: number; id?: unknown }
    if (Array.isArray(j.docs)) return { docs: j.docs, total: j.totalDocs ?? j.docs.length }
    return j && typeof j === 'object' && 'id' in j ? { docs: [j as Record<string, unknown>], total: 1 } : { docs: [], total: 0 }
  } catch {
    return { docs: [], total: 0 }
  }
}
/** Every row is a leak (the caller may see none, or the filter matches none). */
const anyRow = (status: number, text: string) => (ok(status) ? parsed(text).total : 0)
/** Rows past the first: an id filter read as a number may match one row, never all. */
const pastOne = (status: number, text: string) => Math.max(0, anyRow(status, text) - 1)
const draftText = (_status: number, text: string) => (text.includes(DRAFT) ? 1 : 0)
const draftRows = (status: number, text: string) => (ok(status) ? parsed(text).docs.filter((d) => d._status !== 'published').length : 0) + draftText(status, text)
const notSelf = (email: string) => (status: number, text: string) => (ok(status) ? parsed(text).docs.filter((d) => d.email !== email).length : 0)
const exportLines = (status: number, text: string) => (ok(status) ? text.split('\n').filter(Boolean).length : 0)
/** An answer at all: the id names nobody, so any success matched someone else. */
const anyAnswer = (status: number) => (ok(status) ? 1 : 0)

function injectionProbes(): Probe[] {
  const anon: Auth[] = [{ headers: {}, anonymous: true }, { headers: auth.integration, anonymous: true }, { headers: { authorization: 'JWT eyJhbGciOiJub25lIn0.eyJpZCI6MSwiY29sbGVjdGlvbiI6InVzZXJzIn0.' }, anonymous: true }]
  const admin: Auth = { headers: auth.admin, anonymous: false }
  const q = enc
  const operatorFilters = ['where[id][exists]=true', 'where[or][0][id][exists]=true&where[or][1][id][exists]=false', 'where[id][not_equals]=0', 'where[id][greater_than]=0', 'where[and][0][id][exists]=true',
    'where[id][equals][$ne]=', 'where[$or][0][id][$gt]=0', `where[id][in]=${q('1);DROP TABLE subjects;--')}`, `where[id][equals]=${q('{"$gt":""}')}`, 'where[createdAt][like]=%25', 'depth=99', 'limit=-1', 'page=1e309', 'limit=0', `sort=${q('id;DROP TABLE users')}`, 'draft=true&trash=true']
  const privateCollections = ['subjects', 'acceptances', 'notices', 'api-keys', 'users', 'ledger-entries', 'ledger-checkpoints', 'access-records', 'idempotency-records', 'webhook-endpoints', 'webhook-deliveries']
  const probes: Probe[] = []
  // Anonymous callers (no login, an API key Payload does not know, a forged unsigned JWT) read no private row.
  for (const who of anon) {
    for (const c of privateCollections) {
      for (const f of operatorFilters) probes.push({ who, url: `/api/${c}?${f}`, leaked: anyRow })
      probes.push({ who, url: `/api/${c}/1`, leaked: anyRow }, { who, url: `/api/${c}/${q('1 OR 1=1')}`, leaked: anyRow })
    }
    for (const f of ['draft=true', 'where[_status][equals]=draft&draft=true', 'where[or][0][_status][equals]=draft&where[or][1][_status][exists]=false&draft=true', 'where[_status][not_equals]=published',
      'where[summary][like]=UNPUBLISHED&draft=true', 'where[_status][in]=draft,published&draft=true', 'where[_status][equals][$ne]=published', 'where[publishedAt][exists]=false&draft=true',
      `where[id][equals]=${s.draftId}&draft=true`, 'depth=99&draft=true', `sort=${q('summary;DROP TABLE policies')}&draft=true`, 'sort=-_status&draft=true', 'where[version][exists]=false']) {
      probes.push({ who, url: `/api/policy-versions?${f}`, leaked: draftRows })
    }
    probes.push(
      { who, url: `/api/policy-versions/${s.draftId}?draft=true`, leaked: draftRows },
      { who, url: `/api/policy-versions/${s.draftId}`, leaked: draftRows },
      { who, url: '/api/policy-versions/versions?where[parent][exists]=true', leaked: anyRow },
      { who, url: '/api/policies?depth=99&draft=true', leaked: draftText },
      { who, url: `/api/policies/${s.termsId}?depth=99&draft=true`, leaked: draftText },
      { who, url: '/api/globals/banner-template?depth=99', leaked: anyAnswer },
    )
  }
  for (const v of INJECTIONS) {
    // Public policies: an injected filter matches none of them.
    const who = anon[0]
    probes.push(
      { who, url: `/api/policies?where[title][like]=${q(v)}`, leaked: anyRow },
      { who, url: `/api/policies?where[slug][equals]=${q(v)}`, leaked: anyRow },
      { who, url: `/api/policies?where[title][in]=${q(v)}`, leaked: anyRow },
      { who, url: `/api/policies?sort=${q(v)}`, leaked: draftText },
      { who, url: `/api/policy-versions?where[summary][equals]=${q(v)}&draft=true`, leaked: anyRow },
      // The injection as a document id: Payload may read a leading number as the id ("1) OR (1=1" is 1), never more.
      { who, url: `/api/policies/${q(v)}`, leaked: draftText },
      { who, url: `/api/policy-versions/${q(v)}?draft=true`, leaked: draftRows },
      // Assent's own parameters.
      { who, url: `/api/v1/policies/${s.terms}/in-force?at=${q(v)}`, leaked: draftText },
      { who, url: `/api/v1/policies/${s.terms}/diff?from=${q(v)}&to=1`, leaked: draftText },
      { who, url: `/api/v1/policies/${s.terms}/versions/${q(v)}`, leaked: draftText },
      { who, url: `/api/v1/policies/${q(v)}`, leaked: anyAnswer },
      { who, url: `/api/v1/policies/${q(v)}/versions`, leaked: anyAnswer },
    )
    // Staff filters: an injected value matches no row, whoever asks.
    for (const f of [`subjects?where[externalId][equals]=${q(v)}`, `subjects?where[externalId][in]=${q(v)}`, `subjects?where[email][like]=${q(v)}`, `users?where[email][equals]=${q(v)}`, `acceptances?where[contentHash][equals]=${q(v)}`, `api-keys?where[name][like]=${q(v)}`]) {
      probes.push({ who: admin, url: `/api/${f}`, leaked: anyRow })
    }
    probes.push({ who: admin, url: `/api/subjects?where[id][in]=${q(v)}`, leaked: pastOne }, { who: admin, url: `/api/subjects?sort=${q(v)}`, leaked: () => 0 })
    // The host product's key reaches only the subject it names.
    const integration: Auth = { headers: auth.integration, anonymous: false }
    probes.push(
      { who: integration, url: `/api/v1/subjects/${q(v)}/status`, leaked: anyAnswer },
      { who: integration, method: 'POST', url: `/api/v1/subjects/${q(v)}/token`, leaked: anyAnswer },
      { who: integration, method: 'POST', url: '/api/v1/acceptances', body: { subject: v, versions: [{ policy: s.terms, version: 1, contentHash: s.hash }] }, leaked: anyAnswer },
    )
    // Auditors' filters: an injected subject, policy or date selects nothing.
    const audit: Auth = { headers: auth.audit, anonymous: false }
    probes.push(
      { who: audit, url: `/api/v1/audit/export?format=jsonl&subject=${q(v)}`, leaked: exportLines },
      { who: audit, url: `/api/v1/audit/export?format=jsonl&policy=${q(v)}`, leaked: exportLines },
      { who: audit, url: `/api/v1/audit/export?format=jsonl&from=${q(v)}`, leaked: exportLines },
      { who: audit, url: `/api/v1/audit/coverage/${q(v)}`, leaked: anyAnswer },
      { who: audit, url: `/api/v1/audit/subjects/${q(v)}/evidence`, leaked: anyAnswer },
      { who: audit, url: `/api/v1/ledger/proofs/inclusion?seq=${q(v)}&treeSize=1`, leaked: anyAnswer },
    )
  }
  const editor: Auth = { headers: auth.editor, anonymous: false }
  const integration: Auth = { headers: auth.integration, anonymous: false }
  const audit: Auth = { headers: auth.audit, anonymous: false }
  probes.push(
    // The filters named in the brief of this suite, as they would be typed.
    { who: anon[0], url: '/api/users?where[email][equals][$ne]=', leaked: anyRow },
    { who: admin, url: '/api/users?where[email][equals][$ne]=', leaked: anyRow },
    { who: admin, url: '/api/subjects?where[email][equals][$ne]=', leaked: anyRow },
    { who: admin, url: `/api/subjects?where[externalId][equals]=${q('{"$gt":""}')}`, leaked: anyRow },
    { who: admin, url: '/api/subjects?where[externalId][$gt]=', leaked: anyRow },
    { who: admin, url: '/api/subjects?depth=99&limit=-1', leaked: anyRow },
    { who: admin, url: '/api/subjects?page=1e309', leaked: anyRow },
    // An editor reads only their own account, however the filter is put.
    { who: editor, url: '/api/users?where[or][0][email][exists]=true', leaked: notSelf('editor@example.com') },
    { who: editor, url: '/api/users?where[or][0][role][equals]=admin&where[or][1][id][exists]=true', leaked: notSelf('editor@example.com') },
    { who: editor, url: '/api/users?where[email][like]=%40', leaked: notSelf('editor@example.com') },
    { who: editor, url: `/api/users/${s.adminId}`, leaked: notSelf('editor@example.com') },
    { who: editor, url: '/api/users?depth=99&limit=100', leaked: notSelf('editor@example.com') },
    { who: anon[0], url: `/api/v1/policies/${s.terms}/in-force?at[$gt]=`, leaked: draftText },
    { who: anon[0], url: `/api/v1/policies/${s.terms}/in-force?at=9999-12-31T00:00:00Z`, leaked: draftText },
    { who: anon[0], url: `/api/v1/policies/${s.terms}/diff?from[$ne]=1&to=1`, leaked: draftText },
    { who: anon[0], url: `/api/v1/policies/${s.terms}/diff?from=1&to=2`, leaked: draftText },
    { who: anon[0], url: `/api/v1/policies/${s.terms}/versions`, leaked: draftText },
    { who: anon[0], url: `/api/v1/policies/${s.terms}`, leaked: draftText },
    { who: anon[0], url: '/api/v1/policies', leaked: draftText },
    { who: integration, url: '/api/v1/subjects/%25/status', leaked: anyAnswer },
    { who: integration, url: '/api/v1/subjects/hostile-%25/status', leaked: anyAnswer },
    { who: integration, url: '/api/v1/subjects/hostile-_/status', leaked: anyAnswer },
    ...[{ $ne: null }, { $gt: '' }, ['hostile-0', 'hostile-1'], { $regex: '.*' }].map((subject) => ({ who: integration, method: 'POST', url: '/api/v1/acceptances', body: { subject, versions: [{ policy: s.terms, version: 1, contentHash: s.hash }] }, leaked: anyAnswer })),
    { who: integration, method: 'POST', url: '/api/v1/acceptances', body: { subject: 'hostile-1', versions: [{ policy: { $gt: '' }, version: { $gte: 1 }, contentHash: { $regex: '.*' } }] }, leaked: anyAnswer },
    { who: audit, url: '/api/v1/audit/export?format=jsonl&subject[$ne]=x', leaked: exportLines },
    { who: audit, url: '/api/v1/audit/export?format=jsonl&subject=%25', leaked: exportLines },
    { who: audit, url: `/api/v1/audit/export?format=jsonl&type=${q('acceptances;DROP TABLE acceptances')}`, leaked: exportLines },
    { who: audit, url: `/api/v1/audit/export?format=jsonl&policy=${s.terms}&version=${q('1 OR 1=1')}`, leaked: exportLines },
    { who: audit, url: `/api/v1/audit/coverage/${s.terms}?version=${q('1 OR 1=1')}`, leaked: anyAnswer },
    { who: audit, url: '/api/v1/ledger/proofs/consistency?from[$gt]=0&to=1', leaked: anyAnswer },
  )
  return probes
}

const toSent = (p: Probe): Sent => ({
  method: p.method ?? 'GET',
  url: p.url,
  headers: { ...p.who.headers, ...(p.body === undefined ? {} : { 'content-type': 'application/json' }) },
  body: p.body === undefined ? undefined : JSON.stringify(p.body),
  anonymous: p.who.anonymous,
})

/** Counts every collection: a dropped table would throw. */
const countAll = async () => Object.fromEntries(await Promise.all([...COLLECTIONS].map(async (c) => [c, (await app.payload.count({ collection: c as 'policies' })).totalDocs] as const)))

// ---- the tests ----

describe('injection in filters and parameters', () => {
  it('returns no row a caller may not see, never fails with a 5xx, and drops no table', async () => {
    const m = mark()
    const before = await snapshot(false)
    const counts = await countAll()
    const probes = injectionProbes()
    await pool(probes, async (p) => {
      const r = toSent(p)
      const { status, text } = await sendAndCheck(r, false)
      tally.injections++
      const leaked = p.leaked(status, text)
      for (let i = 0; i < leaked; i++) tally.injectionLeaks.push(describeSent(r, status, text))
    })
    const after = await snapshot(false)
    completed.add('injection')
    expect(probes.length).toBeGreaterThan(500)
    expectNoneSince(m, ['injectionLeaks', 'anonymousLeaks', 'serverErrors', 'traces', 'badShapes'])
    expect(changed(before, after)).toEqual([])
    expect(await countAll()).toEqual(counts)
  })
})

describe('refused requests', () => {
  it('change nothing: row counts, latest changes and the last ledger entry stay as they were', async () => {
    const m = mark()
    const scenarios = refusedScenarios()
    const cases = scenarios.flatMap((arb, i) => fc.sample(arb, { numRuns: REFUSED_PER_SCENARIO, seed: SEED + 1000 + i }))
    let before = await snapshot()
    for (let i = 0; i < cases.length; i += 48) {
      const batch = cases.slice(i, i + 48)
      await pool(batch, async (r) => {
        const { status, text } = await sendAndCheck(r)
        tally.refusedSent++
        if (status < 400) tally.notRefused.push(describeSent(r, status, text))
      })
      const after = await snapshot()
      if (changed(before, after).length > 0) {
        // Replay the batch one request at a time to name the ones that change state.
        let at = after
        const culprits: string[] = []
        for (const r of batch) {
          const { status, text } = await send(r)
          const now = await snapshot()
          if (status >= 400 && changed(at, now).length > 0) culprits.push(`${changed(at, now).join(', ')} changed by ${describeSent(r, status, text)}`)
          at = now
        }
        tally.stateChanges.push(...(culprits.length > 0 ? culprits : [`${changed(before, after).join(', ')} changed in a batch of ${batch.length} (not reproduced one by one)`]))
        before = at
      } else before = after
    }
    completed.add('refused')
    expect(scenarios.length).toBeGreaterThanOrEqual(40)
    expectNoneSince(m, ['notRefused', 'stateChanges', 'serverErrors', 'traces', 'badShapes', 'anonymousLeaks'])
  })
})

describe('generated requests on every JSON route', () => {
  it('are judged by checks that catch a stack trace and a private address', () => {
    const stack = new Error('boom').stack!
    expect(INTERNALS.some((re) => re.test(stack))).toBe(true)
    expect(PRIVATE.some((m) => JSON.stringify({ email: `person0${PERSON}` }).includes(m))).toBe(true)
  })

  it('answer without a 5xx, a stack trace, a misshapen Assent error or private data for anonymous callers', async () => {
    const m = mark()
    const routes = generatedRoutes()
    const cases = routes.flatMap(({ arb, runs }, i) => fc.sample(arb, { numRuns: runs, seed: SEED + i }))
    const answers = new Map<string, Set<number>>()
    await pool(cases, async (r) => {
      const { status } = await sendAndCheck(r)
      answers.set(r.route!, (answers.get(r.route!) ?? new Set()).add(status))
    })
    completed.add('generated')
    expect(routes.length).toBeGreaterThanOrEqual(60)
    // Each route answered something besides 401/403: generated input got past authentication.
    expect([...answers].filter(([, statuses]) => [...statuses].every((st) => st === 401 || st === 403)).map(([route]) => route)).toEqual([])
    expect(tally.sent).toBeGreaterThanOrEqual(10_000)
    expectNoneSince(m, ['serverErrors', 'traces', 'badShapes', 'anonymousLeaks'])
  })

  it('leaves every table in place with its seeded rows', async () => {
    const counts = await countAll()
    expect(counts.policies).toBeGreaterThanOrEqual(2)
    expect(counts.subjects).toBeGreaterThanOrEqual(subjects.length)
    expect(counts.acceptances).toBeGreaterThanOrEqual(1)
    expect(counts['ledger-entries']).toBeGreaterThanOrEqual(1)
    expect(counts.users).toBeGreaterThanOrEqual(3)
  })
})
