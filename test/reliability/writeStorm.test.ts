import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../support/freePort'
import { printed, serverProcesses } from '../support/spawnServer'
import { createTestDatabase, type TestDatabase } from '../support/testDatabase'
import { recordFigure } from './figures'

/** How long the staff write (60 s unless STORM_SECONDS says otherwise). */
const SECONDS = Number(process.env.STORM_SECONDS ?? 60)
const WRITERS = 6
/** Staff at a keyboard: the admin autosaves every 2 s while one types; each writer here sends its
 * next request a quarter of a second after the last one answered, eight times as often. */
const THINK_MS = 250
const PASSWORD = 'storm-password-long-enough'

const servers = serverProcesses()
let database: TestDatabase
let dataDir: string
let base: string

/** What the storm saw: every answer's status, and each health check's time. */
const statuses = new Map<string, number[]>()
const health: number[] = []

const json = { 'content-type': 'application/json' }
async function send(what: string, path: string, init: RequestInit): Promise<Response> {
  const res = await fetch(`${base}${path}`, init)
  statuses.set(what, [...(statuses.get(what) ?? []), res.status])
  return res
}

async function login(email: string): Promise<string> {
  const res = await send('login', '/api/users/login', { method: 'POST', headers: json, body: JSON.stringify({ email, password: PASSWORD }) })
  const body = (await res.json()) as { token?: string }
  if (!body.token) throw new Error(`login of ${email} answered ${res.status}`)
  return body.token
}

beforeAll(async () => {
  database = await createTestDatabase({ shared: true })
  dataDir = mkdtempSync(path.join(tmpdir(), 'assent-storm-'))
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  const server = servers.start({
    DATABASE_URL: database.url,
    PORT: String(port),
    PUBLIC_URL: base,
    ASSENT_DATA_DIR: dataDir,
    ASSENT_ADMIN_EMAIL: 'admin@example.com',
    ASSENT_ADMIN_PASSWORD: PASSWORD,
    // Both workers on and polling often: their lease updates meet the staff's writes.
    NOTICE_WORKER: 'on',
    NOTICE_POLL_SECONDS: '0.05',
    WEBHOOK_WORKER: 'on',
    WEBHOOK_POLL_SECONDS: '0.05',
    LEDGER_CHECKPOINT_MINUTES: '0',
    RATE_LIMIT_LOGIN_FAILURES: '10000',
    RATE_LIMIT_PASSWORD_RESETS: '10000',
  })
  await printed(server, /Assent is serving/)
}, 180_000)

afterAll(async () => {
  servers.close()
  await database?.drop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** One editor for `seconds`: logs in now and then, edits its policy, autosaves its draft, and
 * asks for a password reset. */
async function staffWriter(n: number, adminToken: string, until: number): Promise<void> {
  const email = `storm-editor-${n}@example.com`
  const admin = { ...json, authorization: `JWT ${adminToken}` }
  const created = await send('create staff', '/api/users', { method: 'POST', headers: admin, body: JSON.stringify({ email, password: PASSWORD, role: 'editor' }) })
  if (!created.ok) throw new Error(`creating ${email} answered ${created.status}: ${await created.text()}`)
  let auth = { ...json, authorization: `JWT ${await login(email)}` }
  const policy = (await (await send('create policy', '/api/policies', { method: 'POST', headers: auth, body: JSON.stringify({ slug: `storm-${n}`, title: `Storm ${n}` }) })).json()) as { doc: { id: number | string } }
  const revision = (await (await send('start revision', `/api/v1/policies/storm-${n}/revisions`, { method: 'POST', headers: auth, body: '{}' })).json()) as { id: number | string }
  for (let round = 0; Date.now() < until; round++) {
    await new Promise((resolve) => setTimeout(resolve, THINK_MS))
    await send('autosave', `/api/policy-versions/${revision.id}?draft=true&autosave=true`, { method: 'PATCH', headers: auth, body: JSON.stringify({ summary: `Round ${round} of editor ${n}` }) })
    if (round % 3 === 0) await send('edit policy', `/api/policies/${policy.doc.id}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ title: `Storm ${n}, round ${round}` }) })
    if (round % 5 === 0) auth = { ...json, authorization: `JWT ${await login(email)}` }
    if (round % 10 === 0) await send('password reset', '/api/users/forgot-password', { method: 'POST', headers: json, body: JSON.stringify({ email }) })
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

describe('staff writing while both workers run', () => {
  it(`answers ${WRITERS} staff writers for ${SECONDS} s without a 5xx, and /healthz stays quick`, async () => {
    const adminToken = await login('admin@example.com')
    const until = Date.now() + SECONDS * 1000
    let probing = true
    const probe = (async () => {
      while (probing) {
        const started = performance.now()
        const res = await fetch(`${base}/healthz`)
        await res.arrayBuffer()
        health.push(performance.now() - started)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    })()
    await Promise.all(Array.from({ length: WRITERS }, (_, n) => staffWriter(n, adminToken, until)))
    probing = false
    await probe

    const all = [...statuses.values()].flat()
    const failures = Object.fromEntries([...statuses].map(([what, codes]) => [what, codes.filter((c) => c >= 500).length]).filter(([, n]) => Number(n) > 0))
    const p99 = Math.round(percentile(health, 99))
    recordFigure('Write storm', `requests answered by ${WRITERS} staff writers in ${SECONDS} s`, all.length)
    recordFigure('Write storm', '5xx answers during the storm', all.filter((c) => c >= 500).length, 0)
    recordFigure('Write storm', '/healthz p99 during the storm (ms, < 100)', p99)
    recordFigure('Write storm', '/healthz slowest during the storm (ms)', Math.round(Math.max(...health)))
    expect(failures).toEqual({})
    expect(all.filter((c) => c >= 400)).toEqual([])
    expect(statuses.get('password reset')?.length).toBeGreaterThan(0)
    expect(all.length).toBeGreaterThan(WRITERS * 10)
    expect(p99).toBeLessThan(100)
  }, (SECONDS + 120) * 1000)
})
