import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../../src/access/roles'
import { makePolicy } from '../support/fixtures'
import { loginStaff } from '../support/staff'
import { startTestApp, type TestApp } from '../support/testApp'
import { recordFigure } from './figures'

// Document locks (Payload's payload-locked-documents) and staff session ids. A lock stops
// everyone else's edits for five minutes, so only those who may edit may hold one, and only in
// their own name. Session ids identify a login: only the account itself may read its own.
const AREA = 'Locks and sessions'
const LOCKS = '/api/payload-locked-documents'

let app: TestApp
let tokens: Record<Role, string>
let ids: Record<Role, number | string>
let policyId: number | string

beforeAll(async () => {
  app = await startTestApp()
  tokens = await loginStaff(app.payload, app.baseUrl)
  const users = (await app.payload.find({ collection: 'users', depth: 0 })).docs
  ids = Object.fromEntries(users.map((u) => [u.role, u.id])) as Record<Role, number | string>
  policyId = (await makePolicy(app.payload, { title: 'Lockable terms' })).id
})
afterAll(() => app?.close())

async function send(role: Role, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { authorization: `JWT ${tokens[role]}` }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${app.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const lockOf = (owner: Role) => ({ document: { relationTo: 'policies', value: policyId }, user: { relationTo: 'users', value: ids[owner] } })
const lockCount = async () => (await app.payload.count({ collection: 'payload-locked-documents' })).totalDocs
const editPolicy = (role: Role) => send(role, 'PATCH', `/api/policies/${policyId}`, { title: `Lockable terms ${Date.now()}` })
const forbidden = { status: 403, body: { errors: [{ message: expect.any(String) }] } }

describe('document locks', () => {
  it('an auditor may not lock a document, so an admin can still edit it', async () => {
    const before = await lockCount()
    expect(await send('auditor', 'POST', LOCKS, lockOf('auditor'))).toMatchObject(forbidden)
    expect(await lockCount()).toBe(before)
    expect((await editPolicy('admin')).status).toBe(200)
  })

  it('an editor may not lock a document in another user’s name', async () => {
    const before = await lockCount()
    expect(await send('editor', 'POST', LOCKS, lockOf('admin'))).toMatchObject(forbidden)
    expect(await send('editor', 'POST', LOCKS, { ...lockOf('editor'), user: ids.admin })).toMatchObject(forbidden)
    expect(await lockCount()).toBe(before)
  })

  it('an editor may lock in their own name, which holds others’ edits off, and may not hand it to someone else', async () => {
    const created = await send('editor', 'POST', LOCKS, lockOf('editor'))
    expect(created.status).toBe(201)
    const lockId = (created.body.doc as { id: number | string }).id
    expect((await editPolicy('admin')).status).toBe(423)
    expect(await send('editor', 'PATCH', `${LOCKS}/${lockId}`, { user: { relationTo: 'users', value: ids.admin } })).toMatchObject(forbidden)
    expect(await send('auditor', 'DELETE', `${LOCKS}/${lockId}`)).toMatchObject(forbidden)
    expect((await send('editor', 'DELETE', `${LOCKS}/${lockId}`)).status).toBe(200)
    expect((await editPolicy('admin')).status).toBe(200)
  })

  it('an admin may take an editor’s lock over, in the admin’s own name (as the admin’s “take over” does)', async () => {
    const lockId = ((await send('editor', 'POST', LOCKS, lockOf('editor'))).body.doc as { id: number | string }).id
    expect((await send('admin', 'PATCH', `${LOCKS}/${lockId}`, { user: { relationTo: 'users', value: ids.admin } })).status).toBe(200)
    expect((await editPolicy('admin')).status).toBe(200)
  })

  it('an auditor releases no one else’s lock (and holds none: test/lockWrites.test.ts)', async () => {
    const editors = ((await send('editor', 'POST', LOCKS, lockOf('editor'))).body.doc as { id: number | string }).id
    expect((await send('auditor', 'DELETE', `${LOCKS}/${editors}`)).status).toBe(403)
    expect((await app.payload.find({ collection: 'payload-locked-documents', where: { id: { equals: editors } } })).totalDocs).toBe(1)
    await send('editor', 'DELETE', `${LOCKS}/${editors}`)
  })
})

describe('session ids', () => {
  /** Every `sessions` array in an answer, with where it was found. */
  function sessionsIn(value: unknown, where = '$'): string[] {
    if (typeof value !== 'object' || value === null) return []
    return Object.entries(value).flatMap(([key, inner]) => (key === 'sessions' && Array.isArray(inner) && inner.length > 0 ? [`${where}.${key}`] : sessionsIn(inner, `${where}.${key}`)))
  }

  it('no staff member reads another account’s session ids, listed or populated in a lock', async () => {
    await send('admin', 'POST', LOCKS, lockOf('admin'))
    const seen: string[] = []
    for (const role of ['auditor', 'editor', 'admin'] as const) {
      const users = (await send(role, 'GET', '/api/users?depth=0&limit=100')).body.docs as Array<{ id: number | string }>
      for (const user of users) if (user.id !== ids[role]) seen.push(...sessionsIn(user, `${role} /api/users #${user.id}`))
      const locks = (await send(role, 'GET', `${LOCKS}?depth=1`)).body.docs as Array<{ user: { value: { id: number | string } } }>
      for (const lock of locks ?? []) if (lock.user?.value?.id !== ids[role]) seen.push(...sessionsIn(lock, `${role} locks`))
      const byId = await send(role, 'GET', `/api/users/${ids.admin}?select[sessions]=true`)
      if (role !== 'admin' && byId.status === 200) seen.push(...sessionsIn(byId.body, `${role} /api/users/admin`))
      const graphql = (await send(role, 'POST', '/api/graphql', { query: '{ Users { docs { id sessions { id } } } PayloadLockedDocuments { docs { user { value { ... on User { id sessions { id } } } } } } }' })).body
      const data = graphql.data as { Users: { docs: Array<{ id: number | string }> } | null; PayloadLockedDocuments: { docs: Array<{ user: { value: { id: number | string } } }> } | null }
      for (const user of data.Users?.docs ?? []) if (user.id !== ids[role]) seen.push(...sessionsIn(user, `${role} GraphQL Users #${user.id}`))
      for (const lock of data.PayloadLockedDocuments?.docs ?? []) if (lock.user?.value?.id !== ids[role]) seen.push(...sessionsIn(lock, `${role} GraphQL locks`))
    }
    expect(recordFigure(AREA, 'other accounts’ session ids readable', seen.length, 0), seen.join('\n')).toBe(0)
  })

  it('an account still reads its own session ids', async () => {
    expect(sessionsIn((await send('auditor', 'GET', `/api/users/${ids.auditor}`)).body)).toEqual(['$.sessions'])
    expect(sessionsIn((await send('editor', 'GET', '/api/users/me')).body)).toEqual(['$.user.sessions'])
  })
})
