import { createHash } from 'node:crypto'
import { lookup, type LookupAddress } from 'node:dns'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { REFUSED_TARGET } from '../../src/domain/outbound/requestFailure'
import { deliverWebhooks, type DeliveryOptions } from '../../src/services/webhooks/deliverWebhooks'
import type { Resolve } from '../../src/services/webhooks/guardedLookup'
import { makePolicy, makeVersion } from '../support/fixtures'
import { freePort } from '../support/freePort'
import { loginStaff } from '../support/staff'
import { startTestApp, type TestApp } from '../support/testApp'
import { recordFigure } from './figures'

/** A receiver on every local address (dual-stack `::`): it counts each connection that reaches it. */
async function startReceiver(answer: { status: number; body: string }) {
  let connections = 0
  const hosts: string[] = []
  const server: Server = createServer((req, res) => {
    hosts.push(String(req.headers.host))
    req.resume()
    req.on('end', () => res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body))
  })
  server.on('connection', () => connections++)
  await new Promise<void>((resolve) => server.listen(0, '::', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    hosts,
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(resolve)
    }),
  }
}

/** Names an attacker's DNS could answer with: the stand-in answers them, DNS the rest. */
const names: Record<string, LookupAddress[]> = {
  'rebound.example': [{ address: '127.0.0.1', family: 4 }],
  'mixed.example': [{ address: '8.8.8.8', family: 4 }, { address: '127.0.0.1', family: 4 }],
  'metadata.example': [{ address: '169.254.169.254', family: 4 }],
  'v6.example': [{ address: '::1', family: 6 }],
  'receiver.example': [{ address: '127.0.0.1', family: 4 }],
}
const resolve: Resolve = (hostname, options, callback) => (names[hostname] ? callback(null, names[hostname]) : lookup(hostname, options, callback))

/** Every spelling of loopback the issue lists, the metadata address, and one of each internal range. */
const internalUrls = (port: number) => [
  `http://127.0.0.1:${port}/h`, `http://localhost:${port}/h`, `http://[::1]:${port}/h`, `http://0.0.0.0:${port}/h`,
  `http://2130706433:${port}/h`, `http://0x7f000001:${port}/h`, `http://0177.0.0.1:${port}/h`, `http://127.1:${port}/h`,
  `http://[::ffff:127.0.0.1]:${port}/h`, 'http://169.254.169.254/latest/meta-data/', `http://LOCALHOST.:${port}/h`,
  `http://10.0.0.1:${port}/h`, `http://172.16.0.1:${port}/h`, `http://192.168.0.1:${port}/h`, `http://100.64.0.1:${port}/h`,
  `http://[fc00::1]:${port}/h`, `http://[fe80::1]:${port}/h`, `http://224.0.0.1:${port}/h`, `http://240.0.0.1:${port}/h`,
]

let app: TestApp
let admin: Record<string, string>
const options = (allowHosts: string[]): DeliveryOptions => ({ owner: 'ssrf-test', batchSize: 100, leaseMs: 30_000, timeoutMs: 3000, retryPolicy: { maxAttempts: 1, baseMs: 1, capMs: 1 }, allowHosts, resolve })
const allowHostsBefore = process.env.WEBHOOK_ALLOW_HOSTS

beforeAll(async () => {
  delete process.env.WEBHOOK_ALLOW_HOSTS // nothing internal is allowed here unless a test says so
  app = await startTestApp()
  admin = { authorization: `JWT ${(await loginStaff(app.payload, app.baseUrl)).admin}`, 'content-type': 'application/json' }
})
afterAll(async () => {
  await app?.close()
  if (allowHostsBefore !== undefined) process.env.WEBHOOK_ALLOW_HOSTS = allowHostsBefore
})

/** Endpoints stored as they are (as if registered by name, or before this check existed), then one publication. */
async function storeAndPublish(urls: string[]): Promise<Array<number | string>> {
  const ids: Array<number | string> = []
  for (const url of urls) {
    const doc = await app.payload.db.create({ collection: 'webhook-endpoints', data: { url, events: ['version.published'], active: true, secret: 'whsec_test', ledgerCursor: 0 } })
    ids.push(doc.id as number | string)
  }
  await makeVersion(app.payload, (await makePolicy(app.payload)).id, { _status: 'published' })
  return ids
}
async function retire(ids: Array<number | string>) {
  const { errors } = await app.payload.update({ collection: 'webhook-endpoints', where: { id: { in: ids } }, data: { active: false } })
  expect(errors).toEqual([])
}

describe('outbound requests to internal targets', () => {
  it('refuses every spelling of an internal address at registration, with a code', async () => {
    const port = await freePort()
    const answers = await Promise.all(internalUrls(port).map(async (url) => {
      const res = await fetch(`${app.baseUrl}/api/webhook-endpoints`, { method: 'POST', headers: admin, body: JSON.stringify({ url, events: ['version.published'] }) })
      return { url, status: res.status, body: await res.text() }
    }))
    const accepted = answers.filter((a) => a.status < 400)
    recordFigure('Outbound requests', 'internal endpoints accepted at registration', accepted.length, 0)
    expect(accepted.map((a) => a.url)).toEqual([])
    for (const a of answers) expect([a.url, a.status, a.body.includes('webhook_target_not_public')]).toEqual([a.url, 422, true])
  })

  it('never connects to an internal address, however it is spelled or resolved, and records one uniform refusal', async () => {
    const receiver = await startReceiver({ status: 200, body: 'ok' })
    const closed = await freePort()
    const urls = [
      ...internalUrls(receiver.port),
      `http://127.0.0.1:${closed}/h`, // nothing listens: must read like the port that is open
      `http://rebound.example:${receiver.port}/h`, `http://mixed.example:${receiver.port}/h`, `http://metadata.example/latest/meta-data/`, `http://v6.example:${receiver.port}/h`,
    ]
    const ids = await storeAndPublish(urls)
    expect(await deliverWebhooks(app.payload, options([]))).toEqual({ delivered: 0, retried: 0, dead: urls.length })
    const rows = (await app.payload.find({ collection: 'webhook-deliveries', where: { endpoint: { in: ids } }, pagination: false, depth: 0 })).docs
    await retire(ids)
    await receiver.close()

    recordFigure('Outbound requests', 'internal targets called', receiver.connections(), 0)
    const errors = new Set(rows.map((r) => r.lastError))
    recordFigure('Outbound requests', 'distinct errors recorded for internal targets', errors.size, 1)
    expect(rows).toHaveLength(urls.length)
    expect(receiver.connections()).toBe(0)
    // One wording for all: open port, closed port, unroutable address (no timeout) and DNS answers alike.
    expect([...errors]).toEqual([REFUSED_TARGET])
    expect(rows.every((r) => r.status === 'dead' && r.attempts === 1 && r.lastStatus == null && r.lastAnswerBytes == null)).toBe(true)
  })

  it('calls an internal host named in WEBHOOK_ALLOW_HOSTS, at the address it checked, with the Host kept', async () => {
    const receiver = await startReceiver({ status: 204, body: '' })
    const ids = await storeAndPublish([`http://receiver.example:${receiver.port}/h`, `http://127.0.0.1:${receiver.port}/h`, `http://[::1]:${receiver.port}/h`])
    expect(await deliverWebhooks(app.payload, options(['receiver.example', '127.0.0.1']))).toEqual({ delivered: 2, retried: 0, dead: 1 })
    await retire(ids)
    await receiver.close()
    expect(receiver.hosts.sort()).toEqual([`127.0.0.1:${receiver.port}`, `receiver.example:${receiver.port}`])
  })
})

describe("an endpoint's answer", () => {
  it('is kept as status, size and SHA-256 only, never its body', async () => {
    const secret = 'internal-service-secret-7f3a: {"AccessKeyId":"AKIAEXAMPLE","SecretAccessKey":"wJalrXUtnFEMI"}'
    const failing = await startReceiver({ status: 500, body: secret })
    const succeeding = await startReceiver({ status: 200, body: secret })
    const ids = await storeAndPublish([`http://127.0.0.1:${failing.port}/h`, `http://127.0.0.1:${succeeding.port}/h`])
    expect(await deliverWebhooks(app.payload, options(['127.0.0.1']))).toEqual({ delivered: 1, retried: 0, dead: 1 })
    await retire(ids)
    await failing.close()
    await succeeding.close()

    const rows = (await app.payload.find({ collection: 'webhook-deliveries', where: { endpoint: { in: ids } }, pagination: false, depth: 0 })).docs
    const stored = JSON.stringify(rows)
    const leaked = ['internal-service-secret', 'AKIAEXAMPLE', 'wJalrXUtnFEMI'].filter((s) => stored.includes(s)).length
    recordFigure('Outbound requests', 'answer body fragments stored', leaked, 0)
    expect(leaked).toBe(0)
    const digest = { lastAnswerBytes: Buffer.byteLength(secret), lastAnswerSha256: createHash('sha256').update(secret).digest('hex') }
    expect(rows.map((r) => ({ status: r.status, lastStatus: r.lastStatus, lastError: r.lastError ?? null, lastAnswerBytes: r.lastAnswerBytes, lastAnswerSha256: r.lastAnswerSha256 })).sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { status: 'dead', lastStatus: 500, lastError: 'HTTP 500', ...digest },
      { status: 'delivered', lastStatus: 200, lastError: null, ...digest },
    ])
  })
})
