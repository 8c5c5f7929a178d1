import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { operations } from '../src/http/openapi/operations'
import { createApiKey } from '../src/services/staff/apiKeys'
import { createCheckpoint } from '../src/services/ledger/createCheckpoint'
import { seedPolicies } from '../src/services/publishing/seedPolicies'
import { loginStaff } from './support/staff'
import { startTestApp, type TestApp } from './support/testApp'

// Every route express serves under /api/v1, recorded as the app is built: routers and their mounts.
type Layered = { route: (path: string) => { methods: Record<string, boolean> }; use: (...args: unknown[]) => unknown }
// express.Router() is a function whose prototype is a Router instance; the methods live one up.
const proto = Object.getPrototypeOf(Object.getPrototypeOf(express.Router())) as Layered
const declared = new Map<object, Array<{ path: string; route: { methods: Record<string, boolean> } }>>()
const mounted = new Map<object, Array<{ path: string; child: object }>>()
const originalRoute = proto.route
const originalUse = proto.use
proto.route = function (this: object, path: string) {
  const route = originalRoute.call(this, path)
  declared.set(this, [...(declared.get(this) ?? []), { path, route }])
  return route
}
proto.use = function (this: object, ...args: unknown[]) {
  const path = typeof args[0] === 'string' ? args[0] : '/'
  for (const fn of args.flat()) {
    if (typeof fn === 'function' && Array.isArray((fn as { stack?: unknown }).stack)) mounted.set(this, [...(mounted.get(this) ?? []), { path, child: fn }])
  }
  return originalUse.apply(this, args)
}

/** `METHOD /path/{param}` for every route under `prefix`, following mounts from each root. */
function servedOperations(): Set<string> {
  const children = new Set([...mounted.values()].flat().map((m) => m.child))
  const served = new Set<string>()
  const walk = (router: object, prefix: string) => {
    for (const { path, route } of declared.get(router) ?? []) {
      const full = `${prefix}${path}`.replace(/\/+$/, '').replace(/:(\w+)/g, '{$1}')
      for (const method of Object.keys(route.methods)) served.add(`${method.toUpperCase()} ${full}`)
    }
    for (const { path, child } of mounted.get(router) ?? []) walk(child, `${prefix}${path === '/' ? '' : path}`)
  }
  for (const root of [...declared.keys(), ...mounted.keys()].filter((r) => !children.has(r))) walk(root, '')
  return new Set([...served].filter((op) => op.split(' ')[1].startsWith('/api/v1')))
}

let app: TestApp
let keys: { integration: string; audit: string }
let jwt: Record<string, string>
beforeAll(async () => {
  app = await startTestApp()
  proto.route = originalRoute
  proto.use = originalUse
  await seedPolicies(app.payload)
  keys = { integration: (await createApiKey(app.payload, 'docs', 'integration')).key, audit: (await createApiKey(app.payload, 'docs audit', 'audit')).key }
  jwt = await loginStaff(app.payload, app.baseUrl)
})
afterAll(() => app?.close())

describe('the OpenAPI document', () => {
  it('lists every route served under /api/v1, and serves every route it lists', async () => {
    const documented = new Set(operations.map((op) => `${op.method.toUpperCase()} ${op.path}`))
    const served = servedOperations()
    expect(served.size).toBeGreaterThan(15)
    expect([...served].filter((op) => !documented.has(op)), 'served but not documented').toEqual([])
    expect([...documented].filter((op) => !served.has(op)), 'documented but not served').toEqual([])
  })

  it('is OpenAPI 3.1 with an example answer, typed errors and checked request examples', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/openapi.json`)
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema?: { $ref: string } }> }>; requestBody?: unknown }>> }
    expect(doc.openapi).toBe('3.1.0')
    for (const op of operations) {
      const described = doc.paths[op.path][op.method]
      expect(Object.keys(described.responses).some((s) => Number(s) < 300), op.path).toBe(true)
      for (const [status, response] of Object.entries(described.responses)) {
        if (Number(status) >= 400) expect(response.content['application/json'].schema?.$ref).toBe('#/components/schemas/Error')
      }
      // A body example must pass the very schema that checks the request.
      if (op.body) expect(op.body.safeParse(op.bodyExample).success, `${op.path} example`).toBe(true)
    }
  })

  it("shows each example answer with the fields the route really answers with", async () => {
    const privacy = (await (await fetch(`${app.baseUrl}/api/v1/policies/privacy/versions/1`)).json()) as { contentHash: string }
    const terms = (await app.payload.find({ collection: 'policy-versions', where: { version: { equals: 1 } }, limit: 1 })).docs[0]
    const headers: Record<string, Record<string, string>> = {
      public: {},
      integrationKey: { authorization: `Bearer ${keys.integration}` },
      auditKey: { authorization: `Bearer ${keys.audit}` },
      auditor: { authorization: `Bearer ${keys.audit}` },
      staff: { authorization: `JWT ${jwt.admin}` },
      admin: { authorization: `JWT ${jwt.admin}` },
    }
    const fill: Record<string, string> = { slug: 'privacy', version: '1', externalId: 'docs-user', id: String(terms.id) }
    const query: Record<string, string> = { '/api/v1/policies/{slug}/diff': '?from=1&to=2', '/api/v1/ledger/proofs/inclusion': '?seq=1&treeSize=1', '/api/v1/ledger/proofs/consistency': '?from=1&to=1' }
    const acceptance = JSON.stringify({ subject: 'docs-user', versions: [{ policy: 'privacy', version: 1, contentHash: privacy.contentHash }] })
    await fetch(`${app.baseUrl}/api/v1/subjects/docs-user`, { method: 'PUT', headers: { ...headers.integrationKey, 'content-type': 'application/json' }, body: '{}' })
    await fetch(`${app.baseUrl}/api/v1/acceptances`, { method: 'POST', headers: { ...headers.integrationKey, 'content-type': 'application/json' }, body: acceptance })
    const { checkpoint } = await createCheckpoint(app.payload)
    query['/api/v1/ledger/proofs/inclusion'] = `?seq=1&treeSize=${checkpoint.treeSize}`
    query['/api/v1/ledger/proofs/consistency'] = `?from=${checkpoint.treeSize}&to=${checkpoint.treeSize}`
    const compared: string[] = []
    const mismatches: string[] = []
    for (const op of operations.filter((o) => o.success.example && typeof o.success.example === 'object' && !o.path.includes('/erase'))) {
      const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => fill[name])
      const body = op.path === '/api/v1/acceptances' ? acceptance : op.bodyExample ? JSON.stringify(op.bodyExample) : undefined
      const res = await fetch(`${app.baseUrl}${path}${query[op.path] ?? ''}`, { method: op.method.toUpperCase(), headers: { ...headers[op.caller], ...(body ? { 'content-type': 'application/json' } : {}) }, body })
      const text = await res.text()
      if (res.status >= 300) {
        console.log(`not compared: ${op.method} ${op.path} answered ${res.status} ${text.slice(0, 120)}`)
        continue
      }
      const actual = Object.keys(JSON.parse(text)).sort().join(' ')
      const shown = Object.keys(op.success.example as object).sort().join(' ')
      if (actual !== shown) mismatches.push(`${op.method} ${op.path}: answers [${actual}], example shows [${shown}]: ${text.slice(0, 400)}`)
      compared.push(op.path)
    }
    expect(mismatches).toEqual([])
    console.log(`example answers compared with the real ones: ${compared.length} of ${operations.length} operations`)
    expect(compared.length).toBeGreaterThanOrEqual(12)
  })

  it('shows upcoming as a list on every route that answers it, as the routes answer it', async () => {
    const withUpcoming = operations.filter((op) => JSON.stringify(op.success.example ?? null).includes('"upcoming":['))
    expect(withUpcoming.map((op) => op.path).sort()).toEqual(['/api/v1/policies', '/api/v1/policies/{slug}'])
    const listed = (await (await fetch(`${app.baseUrl}/api/v1/policies`)).json()) as { policies: Array<{ slug: string; upcoming: unknown }> }
    const own = (await (await fetch(`${app.baseUrl}/api/v1/policies/privacy`)).json()) as { upcoming: unknown }
    expect(Array.isArray(own.upcoming)).toBe(true)
    expect(listed.policies.every((p) => Array.isArray(p.upcoming))).toBe(true)
    expect(listed.policies.find((p) => p.slug === 'privacy')!.upcoming).toEqual(own.upcoming)
  })

  it('is readable as a page at /api/v1/docs, with a strict CSP', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/docs`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    const html = await res.text()
    for (const op of operations) expect(html).toContain(`${op.method.toUpperCase()} ${op.path}`)
  })
})
