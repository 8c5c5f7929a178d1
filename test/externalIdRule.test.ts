import { beforeAll, describe, expect, it } from 'vitest'

import { createApiKey } from '../src/services/staff/apiKeys'
import { loginStaff } from './support/staff'
import { beforeAllTests } from './support/beforeAllTests'
import { startSeededTestApp } from './support/startSeededTestApp'

const setup = beforeAllTests(async (closeAfter) => {
  const app = closeAfter(await startSeededTestApp())
  return {
    app,
    integration: `Bearer ${(await createApiKey(app.payload, 'host product', 'integration')).key}`,
    audit: `Bearer ${(await createApiKey(app.payload, 'auditors', 'audit')).key}`,
    admin: `JWT ${(await loginStaff(app.payload, app.baseUrl)).admin}`,
    termsHash: ((await (await fetch(`${app.baseUrl}/api/v1/policies/terms/versions/1`)).json()) as { contentHash: string }).contentHash,
  }
}, 120_000)
// bob, as the host product stores him.
beforeAll(async () => {
  expect((await call('PUT', '/api/v1/subjects/bob', { email: 'bob@example.com' })).status).toBe(201)
})

const call = (method: string, path: string, body?: unknown, authorization = setup.integration) =>
  fetch(`${setup.app.baseUrl}${path}`, { method, headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) })

/** The answer is a 400 invalid_external_id whose message names `rule`. */
async function refused(res: Response, rule: RegExp) {
  const body = (await res.json()) as { error: { code: string; message: string } }
  expect(res.status, JSON.stringify(body)).toBe(400)
  expect(body.error.code).toBe('invalid_external_id')
  expect(body.error.message).toMatch(rule)
}

const subjectsNamed = async (externalId: string) => (await setup.app.payload.count({ collection: 'subjects', where: { externalId: { equals: externalId } } })).totalDocs
const bob = async () => (await setup.app.payload.find({ collection: 'subjects', where: { externalId: { equals: 'bob' } }, limit: 1 })).docs[0]
const bobsAcceptances = async () => (await setup.app.payload.count({ collection: 'acceptances', where: { subject: { equals: (await bob()).id } } })).totalDocs

describe('one subject, one spelling (issue 18, case 6)', () => {
  it('refuses PUT /api/v1/subjects/%20bob and creates nothing', async () => {
    await refused(await call('PUT', '/api/v1/subjects/%20bob', { email: 'evil@example.com' }), /start or end with a space/)
    expect(await subjectsNamed(' bob')).toBe(0)
  })

  it('refuses an acceptance for " bob" and never records it for bob', async () => {
    await refused(await call('POST', '/api/v1/acceptances', { subject: ' bob', versions: [{ policy: 'terms', version: 1, contentHash: setup.termsHash }] }), /start or end with a space/)
    expect(await bobsAcceptances()).toBe(0)
  })

  it('refuses a bulk upsert of " bob" whole, so bob keeps his email', async () => {
    await refused(await call('PUT', '/api/v1/subjects', { subjects: [{ externalId: 'carol', email: 'carol@example.com' }, { externalId: ' bob', email: 'evil@example.com' }] }), /start or end with a space/)
    expect((await bob()).email).toBe('bob@example.com')
    expect(await subjectsNamed('carol')).toBe(0)
  })

  it('refuses RTL overrides, zero-width spaces, line breaks and decomposed spellings in the path', async () => {
    await refused(await call('PUT', `/api/v1/subjects/${encodeURIComponent('bob\u202egnp.exe')}`, {}), /bidirectional formatting/)
    await refused(await call('PUT', `/api/v1/subjects/${encodeURIComponent('bo\u200bb')}`, {}), /invisible/)
    await refused(await call('PUT', '/api/v1/subjects/bob%0Aadmin', {}), /line breaks/)
    await refused(await call('PUT', `/api/v1/subjects/${encodeURIComponent('jose\u0301')}`, {}), /NFC/)
    expect(await setup.app.payload.count({ collection: 'subjects' })).toMatchObject({ totalDocs: 1 })
  })

  it('takes the NFC spelling as it is', async () => {
    expect((await call('PUT', `/api/v1/subjects/${encodeURIComponent('jos\u00e9')}`, {})).status).toBe(201)
  })
})

describe('the same rule and the same maximum length on every route', () => {
  const long = 'x'.repeat(5000)
  const over = 'y'.repeat(201)

  it('refuses a 5,000-character id in the path of every subject route', async () => {
    await refused(await call('PUT', `/api/v1/subjects/${long}`, {}), /at most 200 characters/)
    await refused(await call('GET', `/api/v1/subjects/${long}/status?create=true`), /at most 200 characters/)
    await refused(await call('POST', `/api/v1/subjects/${long}/token?create=true`), /at most 200 characters/)
    await refused(await call('GET', `/api/v1/audit/subjects/${long}/evidence`, undefined, setup.audit), /at most 200 characters/)
    await refused(await call('POST', `/api/v1/subjects/${long}/erase`, { confirm: long }, setup.admin), /at most 200 characters/)
  })

  it('answers an overlong id in a body with the same code and rule as in a path', async () => {
    await refused(await call('POST', '/api/v1/acceptances', { subject: over, versions: [{ policy: 'terms', version: 1, contentHash: setup.termsHash }] }), /at most 200 characters/)
    await refused(await call('PUT', '/api/v1/subjects', { subjects: [{ externalId: over }] }), /at most 200 characters/)
    await refused(await call('PUT', `/api/v1/subjects/${over}`, {}), /at most 200 characters/)
  })

  it('refuses " bob" on status, token, evidence and erasure instead of a 404', async () => {
    await refused(await call('GET', '/api/v1/subjects/%20bob/status?create=true'), /space/)
    await refused(await call('POST', '/api/v1/subjects/%20bob/token?create=true'), /space/)
    await refused(await call('GET', '/api/v1/audit/subjects/%20bob/evidence', undefined, setup.audit), /space/)
    await refused(await call('POST', '/api/v1/subjects/%20bob/erase', { confirm: ' bob' }, setup.admin), /space/)
    expect(await subjectsNamed(' bob')).toBe(0)
  })
})
