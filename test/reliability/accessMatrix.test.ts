import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../../src/access/roles'
import { createApiKey } from '../../src/services/staff/apiKeys'
import { createCheckpoint } from '../../src/services/ledger/createCheckpoint'
import { issueBannerToken } from '../../src/services/subjects/subjectTokens'
import { upsertSubjects } from '../../src/services/subjects/upsertSubjects'
import { markdownToBody } from '../../src/services/publishing/lexicalMarkdown'
import { makePolicy, makeSubject, makeVersion } from '../support/fixtures'
import { loginStaff } from '../support/staff'
import { startTestApp, type TestApp } from '../support/testApp'
import { recordFigure } from './figures'

// Every caller Assent knows × every route and Payload collection operation: which are let in.
// An unexpected allow is a hole; an unexpected refusal is a broken feature. Both must be 0.
const callers = ['anonymous', 'subject token', 'integration key', 'audit key', 'editor', 'auditor', 'admin'] as const
type Caller = (typeof callers)[number]
const staffRoles: Caller[] = ['editor', 'auditor', 'admin']
const writers: Caller[] = ['editor', 'admin']
const auditors: Caller[] = ['audit key', 'auditor', 'admin']
const everyone: Caller[] = [...callers]

let app: TestApp
let headers: Record<Caller, Record<string, string>>
let slug: string
let policyId: number | string
let publishedId: number | string
/** Version 2, in force. */
let inForce: { id: number | string; contentHash: string }
let draftId: number | string
let subjectId: number | string
let apiKeyId: number | string
let frozenTranslationId: number | string

beforeAll(async () => {
  app = await startTestApp()
  const tokens = await loginStaff(app.payload, app.baseUrl)
  const policy = await makePolicy(app.payload, { title: 'Matrix terms' })
  slug = policy.slug
  policyId = policy.id
  publishedId = (await makeVersion(app.payload, policy.id, { _status: 'published' })).id
  const second = await makeVersion(app.payload, policy.id, { _status: 'published', changeClass: 'informational', summary: 'Second' }, '# Policy\n\nSecond text.')
  inForce = { id: second.id, contentHash: second.contentHash! }
  draftId = (await makeVersion(app.payload, policy.id, { summary: 'SECRET DRAFT', changeClass: 'informational' }, '# Policy\n\nSECRET DRAFT TEXT.')).id
  await createCheckpoint(app.payload)
  // After the checkpoint of the two publications, which the proof cases ask for.
  const { subjects } = await upsertSubjects(app.payload, [{ externalId: 'matrix-subject', email: 'matrix@example.com', name: 'Matrix Person' }])
  subjectId = subjects[0].id
  await app.payload.updateGlobal({ slug: 'site-languages', data: { defaultLocale: 'en', locales: 'en, fr, de' } })
  frozenTranslationId = (await makeTranslation(publishedId, 'fr', '# Politique\n\nTexte.', 'published')).id
  await makeTranslation(draftId, 'fr', '# Politique\n\nSECRET TRANSLATION.', 'draft')
  const integration = await createApiKey(app.payload, 'matrix host', 'integration')
  const audit = await createApiKey(app.payload, 'matrix audit', 'audit')
  apiKeyId = integration.id
  const jwt = (role: Role) => ({ authorization: `JWT ${tokens[role]}` })
  headers = {
    anonymous: {},
    'subject token': { authorization: `Bearer ${issueBannerToken(app.payload, 'matrix-subject', new Date()).token}` },
    'integration key': { authorization: `Bearer ${integration.key}` },
    'audit key': { authorization: `Bearer ${audit.key}` },
    editor: jwt('editor'),
    auditor: jwt('auditor'),
    admin: jwt('admin'),
  }
})
afterAll(() => app?.close())

interface Case {
  name: string
  allowed: Caller[]
  method: string
  path: () => string | Promise<string>
  body?: (caller: Caller, path: string) => unknown | Promise<unknown>
  /** Whether the answer let the caller in, where a status cannot say (GraphQL answers 200). */
  letIn?: (status: number, text: string) => boolean
}

/** A read everyone may make, answered with what the caller may see: let in when the draft shows. */
function seesDraft(name: string, allowed: Caller[], path: string | (() => string)): Case {
  return { name: `${name}: sees the draft`, allowed, method: 'GET', path: typeof path === 'string' ? () => path : path, letIn: (status, text) => status < 300 && /SECRET DRAFT/.test(text) }
}

/** A GraphQL request; the caller was let in when `field` came back with data (showing `shows`). */
function graphql(name: string, allowed: Caller[], query: string, field: string, shows?: RegExp): Case {
  const letIn = (_status: number, text: string) => {
    const data = (JSON.parse(text) as { data?: Record<string, unknown> | null }).data?.[field]
    return data != null && (shows === undefined || shows.test(text))
  }
  return { name: `GraphQL ${name}`, allowed, method: 'POST', path: () => '/api/graphql', body: () => ({ query: query.replace('$PUBLISHED', String(publishedId)) }), letIn }
}

const freshPolicy = async () => (await makePolicy(app.payload)).id
/** A new policy's published version 1, in a site offering French: a translation path for each caller. */
const publishedToTranslate = async () => {
  await app.payload.updateGlobal({ slug: 'site-languages', data: { defaultLocale: 'en', locales: 'en, fr' } })
  const policy = await makePolicy(app.payload)
  await makeVersion(app.payload, policy.id, { _status: 'published' })
  return `/api/v1/policies/${policy.slug}/versions/1/translations`
}
const freshDraft = async () => (await makeVersion(app.payload, await freshPolicy())).id
const freshSubject = async () => (await makeSubject(app.payload)).id
const makeTranslation = async (version: number | string, locale: string, markdown: string, status: 'draft' | 'published') =>
  app.payload.create({ collection: 'version-translations', data: { version: version as number, locale, summary: 'SECRET TRANSLATION SUMMARY', body: (await markdownToBody(app.payload.config, markdown)) as never, _status: status }, draft: status === 'draft' })

const cases: Case[] = [
  // Assent's public JSON
  { name: 'GET policies', allowed: everyone, method: 'GET', path: () => '/api/v1/policies' },
  { name: 'GET a policy', allowed: everyone, method: 'GET', path: () => `/api/v1/policies/${slug}` },
  { name: 'GET its versions', allowed: everyone, method: 'GET', path: () => `/api/v1/policies/${slug}/versions` },
  seesDraft('GET its versions', [], () => `/api/v1/policies/${slug}/versions`),
  { name: 'GET a version', allowed: everyone, method: 'GET', path: () => `/api/v1/policies/${slug}/versions/1` },
  { name: 'GET the draft by number', allowed: [], method: 'GET', path: () => `/api/v1/policies/${slug}/versions/3` },
  { name: 'GET in force', allowed: everyone, method: 'GET', path: () => `/api/v1/policies/${slug}/in-force` },
  { name: 'GET a diff', allowed: everyone, method: 'GET', path: () => `/api/v1/policies/${slug}/diff?from=1&to=2` },
  { name: 'GET the draft as a Legal Center page', allowed: [], method: 'GET', path: () => `/legal/${slug}/versions/3` },
  { name: 'GET the Legal Center history page', allowed: everyone, method: 'GET', path: () => `/legal/${slug}/versions` },
  seesDraft('GET the Legal Center history page', [], () => `/legal/${slug}/versions`),
  seesDraft('GET the changes feed', [], () => `/legal/${slug}/feed.atom`),
  { name: 'GET the OpenAPI document', allowed: everyone, method: 'GET', path: () => '/api/v1/openapi.json' },
  { name: 'GET the API reference page', allowed: everyone, method: 'GET', path: () => '/api/v1/docs' },
  { name: 'GET the ledger public key', allowed: everyone, method: 'GET', path: () => '/api/v1/ledger/public-key' },
  // Publishing and previews (staff logins)
  { name: 'POST a version from Markdown', allowed: writers, method: 'POST', path: async () => `/api/v1/policies/${(await makePolicy(app.payload)).slug}/versions`, body: () => ({ markdown: '# New\n\nText.', changeClass: 'editorial', summary: 'New' }) },
  { name: 'POST a translation of a published version', allowed: writers, method: 'POST', path: publishedToTranslate, body: () => ({ locale: 'fr', markdown: '# Nouveau\n\nTexte.', summary: 'Nouveau' }) },
  { name: 'GET a notice preview', allowed: staffRoles, method: 'GET', path: () => `/api/v1/policy-versions/${draftId}/notice-preview`, body: undefined },
  { name: 'POST start a revision', allowed: writers, method: 'POST', path: async () => `/api/v1/policies/${(await makePolicy(app.payload)).slug}/revisions`, body: () => ({}) },
  { name: 'POST a draft redline', allowed: staffRoles, method: 'POST', path: () => `/api/v1/policy-versions/${draftId}/redline`, body: () => ({}) },
  { name: 'GET a version\'s translations', allowed: staffRoles, method: 'GET', path: () => `/api/v1/policy-versions/${draftId}/translations` },
  { name: 'GET a publishing plan', allowed: staffRoles, method: 'GET', path: () => `/api/v1/policy-versions/${draftId}/publishing-plan` },
  { name: 'GET a page preview', allowed: staffRoles, method: 'GET', path: () => `/api/v1/policy-versions/${draftId}/page-preview` },
  { name: 'GET a banner preview', allowed: staffRoles, method: 'GET', path: () => `/api/v1/policy-versions/${draftId}/banner-preview` },
  { name: 'POST an approval', allowed: writers, method: 'POST', path: async () => `/api/v1/policy-versions/${await freshDraft()}/approval`, body: () => ({}) },
  { name: 'POST publish a draft', allowed: writers, method: 'POST', path: async () => `/api/v1/policy-versions/${await freshDraft()}/publish`, body: () => ({ changeClass: 'editorial', summary: 'Fixes a typo.' }) },
  // Integration (host product's servers)
  { name: 'PUT a subject', allowed: ['integration key'], method: 'PUT', path: () => '/api/v1/subjects/matrix-put', body: () => ({ email: 'put@example.com' }) },
  { name: 'PUT subjects in bulk', allowed: ['integration key'], method: 'PUT', path: () => '/api/v1/subjects', body: () => ({ subjects: [{ externalId: 'matrix-bulk' }] }) },
  { name: 'GET a subject status', allowed: ['integration key'], method: 'GET', path: () => '/api/v1/subjects/matrix-subject/status' },
  { name: 'POST a banner token', allowed: ['integration key'], method: 'POST', path: () => '/api/v1/subjects/matrix-subject/token' },
  { name: 'POST an acceptance', allowed: ['integration key'], method: 'POST', path: () => '/api/v1/acceptances', body: () => ({ subject: 'matrix-subject', versions: [{ policy: slug, version: 2, contentHash: inForce.contentHash }] }) },
  { name: 'POST erase a subject', allowed: ['admin'], method: 'POST', path: async () => { const id = `erase-${Math.random().toString(36).slice(2)}`; await upsertSubjects(app.payload, [{ externalId: id }]); return `/api/v1/subjects/${id}/erase` }, body: (_c, path) => ({ confirm: path.split('/')[4] }) },
  // The browser banner (subject token)
  { name: 'GET banner status', allowed: ['subject token'], method: 'GET', path: () => '/embed/v1/status' },
  { name: 'POST banner acceptance', allowed: ['subject token'], method: 'POST', path: () => '/embed/v1/acceptances', body: () => ({ versions: [{ policy: slug, version: 2, contentHash: inForce.contentHash }] }) },
  // Audit
  { name: 'GET coverage', allowed: auditors, method: 'GET', path: () => `/api/v1/audit/coverage/${slug}` },
  { name: 'GET the evidence export', allowed: auditors, method: 'GET', path: () => '/api/v1/audit/export?type=acceptances&format=jsonl' },
  { name: "GET a subject's evidence", allowed: auditors, method: 'GET', path: () => '/api/v1/audit/subjects/matrix-subject/evidence' },
  // Signed tree heads are public, so that outside witnesses can keep them.
  { name: 'GET ledger checkpoints', allowed: everyone, method: 'GET', path: () => '/api/v1/ledger/checkpoints' },
  { name: 'GET the newest ledger checkpoint', allowed: everyone, method: 'GET', path: () => '/api/v1/ledger/checkpoints/latest' },
  { name: 'GET the ledger checkpoints feed', allowed: everyone, method: 'GET', path: () => '/api/v1/ledger/checkpoints.atom' },
  // The two publications of the set-up are entries 1 and 2, under the checkpoint it signs.
  { name: 'GET an inclusion proof', allowed: ['audit key'], method: 'GET', path: () => '/api/v1/ledger/proofs/inclusion?seq=1&treeSize=2' },
  // GraphQL: the same rules as REST
  graphql('policies', everyone, '{ Policies { docs { title } } }', 'Policies'),
  graphql('versions with drafts: sees the draft', staffRoles, '{ PolicyVersions(draft: true, limit: 100) { docs { summary _status } } }', 'PolicyVersions', /SECRET DRAFT/),
  graphql('subjects', ['auditor', 'admin'], '{ Subjects { docs { email } } }', 'Subjects'),
  graphql('subjects where on name', ['auditor', 'admin'], '{ Subjects(where: { name: { like: "Matrix" } }) { docs { email } } }', 'Subjects', /matrix@example\.com/),
  graphql('acceptances', ['auditor', 'admin'], '{ Acceptances { docs { contentHash } } }', 'Acceptances'),
  graphql('ledger entries', ['auditor', 'admin'], '{ LedgerEntries { docs { body } } }', 'LedgerEntries'),
  graphql('api keys', ['admin'], '{ ApiKeys { docs { name keyPrefix } } }', 'ApiKeys'),
  graphql('api keys: the hidden hash', [], '{ ApiKeys { docs { keyHash } } }', 'ApiKeys', /"keyHash":"/),
  graphql('all staff accounts', ['auditor', 'admin'], '{ Users(limit: 100) { docs { email } } }', 'Users', /admin@example\.com/),
  graphql('create an acceptance', [], 'mutation { createAcceptance(data: { method: clickwrap, source: api, contentHash: "x", versionNumber: 1 }) { id } }', 'createAcceptance'),
  graphql('edit a published version', [], 'mutation { updatePolicyVersion(id: $PUBLISHED, data: { summary: "rewritten" }) { id } }', 'updatePolicyVersion'),
  graphql('delete a published version', [], 'mutation { deletePolicyVersion(id: $PUBLISHED) { id } }', 'deletePolicyVersion'),
  { name: 'GraphQL playground', allowed: [], method: 'GET', path: () => '/api/graphql-playground' },
  // Payload REST: policies
  { name: 'REST policies: list', allowed: everyone, method: 'GET', path: () => '/api/policies' },
  { name: 'REST policies: create', allowed: writers, method: 'POST', path: () => '/api/policies', body: (c) => ({ title: 'New', slug: `new-${c.replace(/ /g, '-')}-${Math.random().toString(36).slice(2, 8)}` }) },
  { name: 'REST policies: update', allowed: writers, method: 'PATCH', path: async () => `/api/policies/${await freshPolicy()}`, body: () => ({ title: 'Renamed' }) },
  { name: 'REST policies: delete', allowed: ['admin'], method: 'DELETE', path: async () => `/api/policies/${await freshPolicy()}` },
  // policy-versions, drafts and version history
  { name: 'REST versions: list with drafts', allowed: everyone, method: 'GET', path: () => `/api/policy-versions?draft=true&where[policy][equals]=${policyId}` },
  seesDraft('REST versions: list with drafts', staffRoles, () => `/api/policy-versions?draft=true&where[policy][equals]=${policyId}`),
  { name: 'REST versions: read the draft', allowed: staffRoles, method: 'GET', path: () => `/api/policy-versions/${draftId}?draft=true` },
  { name: 'REST versions: draft history', allowed: staffRoles, method: 'GET', path: () => '/api/policy-versions/versions' },
  seesDraft('REST versions: where on draft status', staffRoles, '/api/policy-versions?where[_status][equals]=draft&draft=true&limit=500'),
  seesDraft('REST versions: where on the draft summary', staffRoles, '/api/policy-versions?where[summary][like]=SECRET&draft=true'),
  { name: 'REST versions: create a draft', allowed: writers, method: 'POST', path: () => '/api/policy-versions?draft=true', body: () => ({ policy: policyId, changeClass: 'editorial', summary: 'x', _status: 'draft' }) },
  { name: 'REST versions: edit a draft', allowed: writers, method: 'PATCH', path: async () => `/api/policy-versions/${await freshDraft()}?draft=true`, body: () => ({ summary: 'edited' }) },
  { name: 'REST versions: edit a published version', allowed: [], method: 'PATCH', path: () => `/api/policy-versions/${publishedId}`, body: () => ({ summary: 'rewritten' }) },
  { name: 'REST versions: delete a published version', allowed: [], method: 'DELETE', path: () => `/api/policy-versions/${publishedId}` },
  { name: 'REST versions: restore an old draft over a published version', allowed: [], method: 'POST', path: async () => { const v = (await app.payload.findVersions({ collection: 'policy-versions', where: { parent: { equals: publishedId } }, limit: 1 })).docs[0]; return `/api/policy-versions/versions/${v.id}` } },
  // Translations and languages
  { name: 'REST translations: list', allowed: everyone, method: 'GET', path: () => '/api/version-translations' },
  seesDraft('REST translations: list with drafts', staffRoles, '/api/version-translations?draft=true&limit=500'),
  seesDraft('REST translations: where on draft status', staffRoles, '/api/version-translations?where[_status][equals]=draft&draft=true'),
  { name: 'REST translations: draft history', allowed: staffRoles, method: 'GET', path: () => '/api/version-translations/versions' },
  { name: 'REST translations: create a draft', allowed: writers, method: 'POST', path: () => '/api/version-translations?draft=true', body: async () => ({ version: await freshDraft(), locale: 'fr', summary: 'x', _status: 'draft' }) },
  { name: 'REST translations: edit a draft', allowed: writers, method: 'PATCH', path: async () => `/api/version-translations/${(await makeTranslation(await freshDraft(), 'de', '# P\n\nText.', 'draft')).id}?draft=true`, body: () => ({ summary: 'edited' }) },
  { name: 'REST translations: edit a frozen one', allowed: [], method: 'PATCH', path: () => `/api/version-translations/${frozenTranslationId}`, body: () => ({ summary: 'rewritten' }) },
  { name: 'REST translations: delete a frozen one', allowed: [], method: 'DELETE', path: () => `/api/version-translations/${frozenTranslationId}` },
  { name: 'REST languages: read', allowed: staffRoles, method: 'GET', path: () => '/api/globals/site-languages' },
  { name: 'REST languages: update', allowed: ['admin'], method: 'POST', path: () => '/api/globals/site-languages', body: () => ({ defaultLocale: 'en', locales: 'en, fr, de' }) },
  // People and evidence
  { name: 'REST subjects: list', allowed: ['auditor', 'admin'], method: 'GET', path: () => '/api/subjects' },
  { name: 'REST subjects: where on email', allowed: ['auditor', 'admin'], method: 'GET', path: () => '/api/subjects?where[email][like]=example' },
  { name: 'REST subjects: update', allowed: ['admin'], method: 'PATCH', path: async () => `/api/subjects/${await freshSubject()}`, body: () => ({ name: 'Renamed' }) },
  { name: 'REST subjects: delete', allowed: [], method: 'DELETE', path: () => `/api/subjects/${subjectId}` },
  { name: 'REST acceptances: list', allowed: ['auditor', 'admin'], method: 'GET', path: () => '/api/acceptances' },
  { name: 'REST acceptances: create', allowed: [], method: 'POST', path: () => '/api/acceptances', body: () => ({ subject: subjectId, method: 'api', source: 'api', contentHash: 'x', versionNumber: 1, acceptedAt: new Date().toISOString() }) },
  { name: 'REST notices: list', allowed: ['auditor', 'admin'], method: 'GET', path: () => '/api/notices' },
  { name: 'REST notices: create', allowed: [], method: 'POST', path: () => '/api/notices', body: () => ({ channel: 'banner', status: 'displayed' }) },
  { name: 'REST ledger entries: list', allowed: ['auditor', 'admin'], method: 'GET', path: () => '/api/ledger-entries' },
  { name: 'REST ledger entries: create', allowed: [], method: 'POST', path: () => '/api/ledger-entries', body: () => ({ seq: 999, kind: 'acceptance', body: '{}', leafHash: 'x' }) },
  { name: 'REST ledger checkpoints: delete', allowed: [], method: 'DELETE', path: () => '/api/ledger-checkpoints?where[id][exists]=true' },
  { name: 'REST access records: list', allowed: ['auditor', 'admin'], method: 'GET', path: () => '/api/access-records' },
  { name: 'REST idempotency records: list', allowed: [], method: 'GET', path: () => '/api/idempotency-records' },
  // Webhooks
  { name: 'REST webhook endpoints: list (secrets)', allowed: ['admin'], method: 'GET', path: () => '/api/webhook-endpoints' },
  { name: 'REST webhook endpoints: register', allowed: ['admin'], method: 'POST', path: () => '/api/webhook-endpoints', body: () => ({ url: 'https://example.com/hooks', events: ['version.published'], active: false }) },
  { name: 'REST webhook deliveries: list', allowed: ['admin'], method: 'GET', path: () => '/api/webhook-deliveries' },
  { name: 'REST webhook deliveries: forge one', allowed: [], method: 'POST', path: () => '/api/webhook-deliveries', body: () => ({ endpoint: 1, event: 'version.published', eventKey: 'x', body: '{}', status: 'pending' }) },
  graphql('webhook endpoint secrets', ['admin'], '{ WebhookEndpoints { docs { url secret } } }', 'WebhookEndpoints'),
  // Keys and staff
  { name: 'REST api-keys: list', allowed: ['admin'], method: 'GET', path: () => '/api/api-keys' },
  { name: 'REST api-keys: where on the hidden hash', allowed: [], method: 'GET', path: () => '/api/api-keys?where[keyHash][exists]=true' },
  { name: 'REST api-keys: create', allowed: ['admin'], method: 'POST', path: () => '/api/api-keys', body: (c) => ({ name: `key-${c}`, scope: 'audit' }) },
  { name: 'REST api-keys: revoke', allowed: ['admin'], method: 'PATCH', path: async () => `/api/api-keys/${(await createApiKey(app.payload, 'to revoke', 'audit')).id}`, body: () => ({ revokedAt: new Date().toISOString() }) },
  { name: 'REST api-keys: delete', allowed: [], method: 'DELETE', path: () => `/api/api-keys/${apiKeyId}` },
  { name: 'REST users: where on the password hash', allowed: [], method: 'GET', path: () => '/api/users?where[hash][exists]=true' },
  { name: 'REST users: create', allowed: ['admin'], method: 'POST', path: () => '/api/users', body: (c) => ({ email: `new-${c.replace(/ /g, '-')}-${Math.random().toString(36).slice(2, 8)}@example.com`, password: 'long-enough-password', role: 'editor' }) },
  { name: 'REST banner wording: read', allowed: staffRoles, method: 'GET', path: () => '/api/globals/banner-template' },
  { name: 'REST banner wording: update', allowed: ['admin'], method: 'POST', path: () => '/api/globals/banner-template', body: () => ({ intro: 'Please read.' }) },
]

const outcomes: Array<{ name: string; caller: Caller; allowed: boolean; status: number; letIn: boolean }> = []

describe('access matrix: 7 callers × every route and collection operation', () => {
  for (const testCase of cases) {
    for (const caller of callers) {
      const allowed = testCase.allowed.includes(caller)
      it(`${testCase.name}: ${caller} is ${allowed ? 'let in' : 'refused'}`, async () => {
        const path = await testCase.path()
        const body = await testCase.body?.(caller, path)
        const res = await fetch(`${app.baseUrl}${path}`, {
          method: testCase.method,
          headers: { ...headers[caller], ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        const text = await res.text()
        const letIn = testCase.letIn ? testCase.letIn(res.status, text) : res.status < 300
        outcomes.push({ name: testCase.name, caller, allowed, status: res.status, letIn })
        expect(res.status).toBeLessThan(500)
        if (testCase.letIn) expect(letIn, text.slice(0, 300)).toBe(allowed)
        else if (allowed) expect(res.status, text.slice(0, 300)).toBeLessThan(300)
        else expect([400, 401, 403, 404, 405, 409], text.slice(0, 300)).toContain(res.status)
      })
    }
  }

  it('records the figures', () => {
    expect(outcomes).toHaveLength(cases.length * callers.length)
    recordFigure('Access matrix', 'callers', callers.length)
    recordFigure('Access matrix', 'routes and collection operations', cases.length)
    recordFigure('Access matrix', 'requests checked', outcomes.length)
    recordFigure('Access matrix', 'unexpected allows', outcomes.filter((o) => o.letIn && !o.allowed).length, 0)
    recordFigure('Access matrix', 'unexpected refusals', outcomes.filter((o) => o.allowed && !o.letIn).length, 0)
  })
})
