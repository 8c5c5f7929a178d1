import type { ChildProcess } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { upsertSubjects } from '../../src/services/subjects/upsertSubjects'
import { freePort } from '../support/freePort'
import { exited, printed, spawnServer } from '../support/spawnServer'
import { loginStaff } from '../support/staff'
import { startTestApp, type TestApp } from '../support/testApp'
import { recordFigure } from './figures'

// The server runs as its own process here, so what it logs is what an operator's log keeps.
let app: TestApp
let server: ChildProcess
let base: string
let admin: Record<string, string>
let logs: Promise<{ stdout: string; stderr: string }>


beforeAll(async () => {
  app = await startTestApp({ sharedDatabase: true })
  admin = { authorization: `JWT ${(await loginStaff(app.payload, app.baseUrl)).admin}`, 'content-type': 'application/json' }
  await upsertSubjects(app.payload, [{ externalId: 'key-user' }])
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  server = spawnServer({ DATABASE_URL: app.database.url, PORT: String(port), NOTICE_WORKER: 'off', LEDGER_CHECKPOINT_MINUTES: '0', PUBLIC_URL: base })
  logs = exited(server)
  await printed(server, /listening|http:\/\//i)
})
afterAll(async () => {
  if (server && server.exitCode === null) server.kill('SIGTERM')
  await app?.close()
})

describe('API keys never appear in a read or a log', () => {
  it('shows a key once, at creation, and nowhere after: not in reads, exports or the server log', async () => {
    const created = (await (await fetch(`${base}/api/api-keys`, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'shown once', scope: 'integration' }) })).json()) as { doc: { id: number; key?: string } }
    const key = created.doc.key!
    expect(key).toMatch(/^assent_/)
    const stored = (await app.payload.findByID({ collection: 'api-keys', id: created.doc.id, showHiddenFields: true })) as { keyHash?: string }
    const secrets = [key, key.slice('assent_'.length), stored.keyHash!]
    expect(secrets[2]).toMatch(/^[0-9a-f]{64}$/)

    // Use it well and badly: a right call, the wrong scope, a mangled key, a wrong scheme, then
    // revoked. Each refusal is logged by the server.
    const bearer = (k: string) => ({ authorization: `Bearer ${k}` })
    const first = await fetch(`${base}/api/v1/subjects/key-user/status`, { headers: bearer(key) })
    expect(first.status, await first.clone().text()).toBe(200)
    expect((await fetch(`${base}/api/v1/audit/export`, { headers: bearer(key) })).status).toBe(403)
    expect((await fetch(`${base}/api/v1/subjects/key-user/status`, { headers: bearer(`${key}x`) })).status).toBe(401)
    expect((await fetch(`${base}/api/v1/subjects/key-user/status`, { headers: { authorization: `Basic ${key}` } })).status).toBe(401)
    expect((await fetch(`${base}/api/v1/subjects/key-user/status?key=${key}`, { headers: bearer('assent_nothing') })).status).toBe(401)
    expect((await fetch(`${base}/api/api-keys/${created.doc.id}`, { method: 'PATCH', headers: admin, body: JSON.stringify({ revokedAt: new Date().toISOString() }) })).status).toBe(200)
    expect((await fetch(`${base}/api/v1/subjects/key-user/status`, { headers: bearer(key) })).status).toBe(401)

    const reads = ['/api/api-keys', `/api/api-keys/${created.doc.id}`, '/api/api-keys?depth=2&showHiddenFields=true', '/api/api-keys/versions', '/api/access-records', '/api/ledger-entries', '/api/v1/audit/export?type=acceptances&format=jsonl']
    const answers = await Promise.all(reads.map(async (path) => (await fetch(`${base}${path}`, { headers: admin })).text()))
    answers.push(await (await fetch(`${base}/api/graphql`, { method: 'POST', headers: admin, body: JSON.stringify({ query: '{ ApiKeys { docs { id name keyPrefix keyHash revokedAt } } }' }) })).text())
    const inReads = answers.filter((text) => secrets.some((s) => text.includes(s))).length

    server.kill('SIGTERM')
    const { stdout, stderr } = await logs
    const lines = `${stdout}${stderr}`.split('\n').filter(Boolean)
    const inLogs = lines.filter((line) => secrets.some((s) => line.includes(s))).length
    recordFigure('Abuse', 'reads of keys, access records, ledger and exports checked for a key', answers.length)
    recordFigure('Abuse', 'reads showing a key or its hash', inReads, 0)
    recordFigure('Abuse', 'server log lines written while keys were used and refused', lines.length)
    recordFigure('Abuse', 'log lines showing a key or its hash', inLogs, 0)
    // The log must have caught the refusals, or this test could not see a leak in them.
    expect(lines.filter((l) => /request refused/.test(l)).length).toBeGreaterThanOrEqual(4)
    expect(inReads).toBe(0)
    expect(inLogs).toBe(0)
  })
})
