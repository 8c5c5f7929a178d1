import type { Role } from '../src/access/roles'
import { describe, expect, it } from 'vitest'

import { makePolicy, makeSubject, makeVersion } from './support/fixtures'
import { callers, useStaffApp, type Caller } from './support/staff'

const staff = useStaffApp()

/** Which callers may perform an operation; everyone else must be refused. */
type Allowed = readonly Caller[]
const staffRoles: Allowed = ['auditor', 'editor', 'admin']
const writers: Allowed = ['editor', 'admin']
const everyone: Allowed = callers
const adminOnly: Allowed = ['admin']

interface Case {
  name: string
  allowed: Allowed
  run: (caller: Caller) => Promise<Response>
}

const cases: Case[] = [
  { name: 'policies: read', allowed: everyone, run: (c) => staff.request(c, 'GET', '/api/policies') },
  { name: 'policies: create', allowed: writers, run: (c) => staff.request(c, 'POST', '/api/policies', { title: 'New', slug: `new-${c}-${Date.now()}` }) },
  { name: 'policies: update', allowed: writers, run: async (c) => staff.request(c, 'PATCH', `/api/policies/${(await makePolicy(staff.app.payload)).id}`, { title: 'Renamed' }) },
  { name: 'policies: delete (no versions)', allowed: adminOnly, run: async (c) => staff.request(c, 'DELETE', `/api/policies/${(await makePolicy(staff.app.payload)).id}`) },
  { name: 'policy-versions: create draft', allowed: writers, run: async (c) => staff.request(c, 'POST', '/api/policy-versions?draft=true', { policy: (await makePolicy(staff.app.payload)).id, changeClass: 'editorial', summary: 'x', _status: 'draft' }) },
  { name: 'policy-versions: update draft', allowed: writers, run: async (c) => staff.request(c, 'PATCH', `/api/policy-versions/${(await makeVersion(staff.app.payload, (await makePolicy(staff.app.payload)).id)).id}?draft=true`, { summary: 'edited' }) },
  { name: 'policy-versions: delete draft', allowed: writers, run: async (c) => staff.request(c, 'DELETE', `/api/policy-versions/${(await makeVersion(staff.app.payload, (await makePolicy(staff.app.payload)).id)).id}`) },
  { name: 'policy-versions: read draft by id', allowed: staffRoles, run: async (c) => staff.request(c, 'GET', `/api/policy-versions/${(await makeVersion(staff.app.payload, (await makePolicy(staff.app.payload)).id)).id}?draft=true`) },
  { name: 'policy-versions: read published by id', allowed: everyone, run: async (c) => staff.request(c, 'GET', `/api/policy-versions/${(await makeVersion(staff.app.payload, (await makePolicy(staff.app.payload)).id, { _status: 'published' })).id}`) },
  { name: 'policy-versions: read draft history (readVersions)', allowed: staffRoles, run: (c) => staff.request(c, 'GET', '/api/policy-versions/versions') },
  { name: 'subjects: read', allowed: ['auditor', 'admin'], run: (c) => staff.request(c, 'GET', '/api/subjects') },
  { name: 'subjects: create', allowed: adminOnly, run: (c) => staff.request(c, 'POST', '/api/subjects', { externalId: `ext-${c}-${Date.now()}` }) },
  { name: 'subjects: update', allowed: adminOnly, run: async (c) => staff.request(c, 'PATCH', `/api/subjects/${(await makeSubject(staff.app.payload)).id}`, { name: 'Renamed' }) },
  { name: 'subjects: delete', allowed: [], run: async (c) => staff.request(c, 'DELETE', `/api/subjects/${(await makeSubject(staff.app.payload)).id}`) },
  { name: 'acceptances: read', allowed: ['auditor', 'admin'], run: (c) => staff.request(c, 'GET', '/api/acceptances') },
  { name: 'acceptances: create', allowed: [], run: async (c) => staff.request(c, 'POST', '/api/acceptances', { subject: (await makeSubject(staff.app.payload)).id, method: 'api', source: 'api', contentHash: 'x', versionNumber: 1, acceptedAt: new Date().toISOString() }) },
  { name: 'notices: read', allowed: ['auditor', 'admin'], run: (c) => staff.request(c, 'GET', '/api/notices') },
  { name: 'notices: create', allowed: [], run: (c) => staff.request(c, 'POST', '/api/notices', { channel: 'banner', status: 'displayed' }) },
  { name: 'api-keys: read', allowed: adminOnly, run: (c) => staff.request(c, 'GET', '/api/api-keys') },
  { name: 'api-keys: create', allowed: adminOnly, run: (c) => staff.request(c, 'POST', '/api/api-keys', { name: `key-${c}`, scope: 'audit' }) },
  { name: 'idempotency-records: read', allowed: [], run: (c) => staff.request(c, 'GET', '/api/idempotency-records') },
  { name: 'banner template: read', allowed: staffRoles, run: (c) => staff.request(c, 'GET', '/api/globals/banner-template') },
  { name: 'banner template: update', allowed: adminOnly, run: (c) => staff.request(c, 'POST', '/api/globals/banner-template', { intro: 'Changed by an admin' }) },
  { name: 'users: create', allowed: adminOnly, run: (c) => staff.request(c, 'POST', '/api/users', { email: `new-${c}-${Date.now()}@example.com`, password: 'long-enough-password' }) },
  { name: 'users: update the admin account', allowed: adminOnly, run: async (c) => staff.request(c, 'PATCH', `/api/users/${await userId('admin')}`, { name: 'Renamed' }) },
  { name: 'users: delete another account', allowed: adminOnly, run: async (c) => staff.request(c, 'DELETE', `/api/users/${(await staff.app.payload.create({ collection: 'users', data: { email: `gone-${c}-${Date.now()}@example.com`, password: 'long-enough-password', role: 'editor' } })).id}`) },
]

async function userId(role: Role) {
  const { docs } = await staff.app.payload.find({ collection: 'users', where: { email: { equals: `${role}@example.com` } } })
  return docs[0].id
}

describe('access control per role', () => {
  for (const testCase of cases) {
    for (const caller of callers) {
      const allowed = testCase.allowed.includes(caller)
      it(`${testCase.name}: ${caller} is ${allowed ? 'allowed' : 'refused'}`, async () => {
        const res = await testCase.run(caller)
        if (allowed) expect(res.status, await res.clone().text()).toBeLessThan(300)
        else expect([401, 403, 404]).toContain(res.status)
      })
    }
  }
})

describe('what each role reads', () => {
  it('the public never sees drafts in a list', async () => {
    const policy = await makePolicy(staff.app.payload)
    await makeVersion(staff.app.payload, policy.id)
    await makeVersion(staff.app.payload, policy.id, { _status: 'published' })
    const res = await staff.request('anonymous', 'GET', `/api/policy-versions?where[policy][equals]=${policy.id}&draft=true`)
    const { docs } = (await res.json()) as { docs: { _status: string }[] }
    expect(docs.map((d) => d._status)).toEqual(['published'])
  })

  it('an editor reads only their own staff account, an auditor reads all', async () => {
    const asEditor = (await (await staff.request('editor', 'GET', '/api/users')).json()) as { docs: { email: string }[] }
    expect(asEditor.docs.map((d) => d.email)).toEqual(['editor@example.com'])
    const asAuditor = (await (await staff.request('auditor', 'GET', '/api/users')).json()) as { totalDocs: number }
    expect(asAuditor.totalDocs).toBeGreaterThanOrEqual(3)
  })

  it('an editor cannot promote themselves to admin', async () => {
    await staff.request('editor', 'PATCH', `/api/users/${await userId('editor')}`, { role: 'admin' })
    const editor = await staff.app.payload.findByID({ collection: 'users', id: await userId('editor') })
    expect(editor.role).toBe('editor')
  })

  it('the first account ever created is an admin', async () => {
    const { docs } = await staff.app.payload.find({ collection: 'users', sort: 'createdAt', limit: 1 })
    expect(docs[0].role).toBe('admin')
  })
})
