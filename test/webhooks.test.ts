import type { ChildProcess } from 'node:child_process'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { webhookSignatureProblem } from '../src/domain/webhookSignature'
import { createApiKey } from '../src/services/staff/apiKeys'
import { upsertSubjects } from '../src/services/subjects/upsertSubjects'
import { collectWebhookEvents } from '../src/services/webhooks/collectWebhookEvents'
import { deliverWebhooks, type DeliveryOptions } from '../src/services/webhooks/deliverWebhooks'
import { makePolicy, makeVersion } from './support/fixtures'
import { freePort } from './support/freePort'
import { printed, serverProcesses } from './support/spawnServer'
import { loginStaff } from './support/staff'
import { startTestApp, type TestApp } from './support/testApp'

/** A receiving endpoint: records each POST; `respond` decides the answer. */
interface Received {
  event: string
  delivery: string
  signature: string
  body: string
}
async function startReceiver(respond: (r: Received) => number | 'hang' = () => 200) {
  const received: Received[] = []
  const app = express()
  app.post('/hooks', express.text({ type: '*/*' }), (req, res) => {
    const r = { event: String(req.get('assent-event')), delivery: String(req.get('assent-delivery')), signature: String(req.get('assent-signature')), body: req.body as string }
    received.push(r)
    const answer = respond(r)
    if (answer !== 'hang') res.status(answer).send(answer < 300 ? 'ok' : 'not now')
  })
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(resolve)
      }),
  }
}

let app: TestApp
let admin: Record<string, string>
let integration: string
let slug: string
let policyId: number | string
// The receivers listen on loopback, which webhooks call only when WEBHOOK_ALLOW_HOSTS names it.
const LOOPBACK_ALLOWED = '127.0.0.1'
const options: DeliveryOptions = { owner: 'test-worker', batchSize: 20, leaseMs: 30_000, timeoutMs: 2000, retryPolicy: { maxAttempts: 3, baseMs: 1, capMs: 5 }, allowHosts: [LOOPBACK_ALLOWED] }
/** One worker round: events due by `at` collected, then deliveries sent. */
const round = async (at = new Date()) => {
  await collectWebhookEvents(app.payload, at, 'https://legal.example.com')
  return deliverWebhooks(app.payload, options)
}

const allowHostsBefore = process.env.WEBHOOK_ALLOW_HOSTS
beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_HOSTS = LOOPBACK_ALLOWED
  app = await startTestApp({ sharedDatabase: true })
  admin = { authorization: `JWT ${(await loginStaff(app.payload, app.baseUrl)).admin}`, 'content-type': 'application/json' }
  integration = (await createApiKey(app.payload, 'webhook host', 'integration')).key
  const policy = await makePolicy(app.payload, { title: 'Hooked terms' })
  slug = policy.slug
  policyId = policy.id
  await makeVersion(app.payload, policy.id, { _status: 'published' })
  await upsertSubjects(app.payload, [{ externalId: 'hooked-user', email: 'hooked@example.com' }])
})
const servers = serverProcesses()
afterAll(async () => {
  servers.close()
  await app?.close()
  if (allowHostsBefore === undefined) delete process.env.WEBHOOK_ALLOW_HOSTS
  else process.env.WEBHOOK_ALLOW_HOSTS = allowHostsBefore
})

const register = (url: string, events: string[]) => fetch(`${app.baseUrl}/api/webhook-endpoints`, { method: 'POST', headers: admin, body: JSON.stringify({ url, events }) })

describe('webhook endpoints', () => {
  it('refuses an invalid URL at registration, saying why, and shows the secret of a valid one', async () => {
    for (const url of ['ftp://example.com/x', 'not a url', 'https://user:pw@example.com/hooks', '/relative']) {
      const res = await register(url, ['version.published'])
      expect(res.status, url).toBe(400)
      expect(JSON.stringify(await res.json())).toMatch(/The URL must/)
    }
    const res = await register('https://example.com/hooks', ['version.published'])
    expect(res.status).toBe(201)
    const { doc } = (await res.json()) as { doc: { secret: string; id: number } }
    expect(doc.secret).toMatch(/^whsec_/)
    await app.payload.update({ collection: 'webhook-endpoints', id: doc.id, data: { active: false } })
  })

  it('refuses an internal address not named in WEBHOOK_ALLOW_HOSTS with a code and what to do', async () => {
    const res = await register('http://169.254.169.254/latest/meta-data', ['version.published'])
    expect(res.status).toBe(422)
    const body = JSON.stringify(await res.json())
    expect(body).toContain('webhook_target_not_public')
    expect(body).toMatch(/169\.254\.169\.254, a link-local address.*WEBHOOK_ALLOW_HOSTS/)
    expect((await app.payload.count({ collection: 'webhook-endpoints', where: { url: { contains: '169.254' } } })).totalDocs).toBe(0)
  })

  it('can be deleted after delivering: the history stays, with the URL, and what was still to send is closed', async () => {
    const receiver = await startReceiver()
    const { doc: endpoint } = (await (await register(receiver.url, ['version.published'])).json()) as { doc: { id: number } }
    const policy = await makePolicy(app.payload)
    await makeVersion(app.payload, policy.id, { _status: 'published' })
    expect(await deliverWebhooks(app.payload, options)).toEqual({ delivered: 1, retried: 0, dead: 0 })
    // A delivery queued before deliveries kept their URL gets it when its endpoint is deleted.
    await app.payload.db.updateOne({ collection: 'webhook-deliveries', where: { endpoint: { equals: endpoint.id } }, data: { endpointUrl: null } })
    expect((await app.payload.count({ collection: 'webhook-deliveries', where: { and: [{ endpoint: { equals: endpoint.id } }, { endpointUrl: { exists: false } }] } })).totalDocs).toBe(1)
    await makeVersion(app.payload, policy.id, { _status: 'published', changeClass: 'informational', summary: 'Second.' }, '# Policy\n\nSecond.')

    const deleted = await fetch(`${app.baseUrl}/api/webhook-endpoints/${endpoint.id}`, { method: 'DELETE', headers: admin })
    expect(deleted.status).toBe(200)
    const rows = (await app.payload.find({ collection: 'webhook-deliveries', where: { endpointUrl: { equals: receiver.url } }, sort: 'id', pagination: false, depth: 0 })).docs
    expect(rows.map((r) => ({ status: r.status, endpoint: r.endpoint ?? null, lastError: r.lastError ?? null }))).toEqual([
      { status: 'delivered', endpoint: null, lastError: null },
      { status: 'dead', endpoint: null, lastError: 'the endpoint was deleted before this was delivered' },
    ])
    await deliverWebhooks(app.payload, options)
    expect(receiver.received).toHaveLength(1)
    await receiver.close()
  })
})

describe('webhook deliveries', () => {
  it('delivers each event once, signed with the endpoint secret, with its id and timestamp', async () => {
    const receiver = await startReceiver()
    const res = await register(receiver.url, ['version.published', 'version.effective', 'acceptance.recorded', 'notice.dead'])
    const { doc: endpoint } = (await res.json()) as { doc: { id: number; secret: string } }

    // version.published is queued by the publication itself, in its transaction.
    const soon = new Date(Date.now() + 1500)
    const published = await makeVersion(app.payload, policyId, { _status: 'published', changeClass: 'informational', summary: 'Clearer.', effectiveAt: soon.toISOString() }, '# Policy\n\nClearer text.')
    expect((await app.payload.count({ collection: 'webhook-deliveries', where: { eventKey: { equals: `version.published:${published.id}` } } })).totalDocs).toBe(1)

    // acceptance.recorded comes from the ledger.
    const version1 = (await app.payload.find({ collection: 'policy-versions', where: { and: [{ policy: { equals: policyId } }, { version: { equals: 1 } }] } })).docs[0]
    const accepted = await fetch(`${app.baseUrl}/api/v1/acceptances`, { method: 'POST', headers: { authorization: `Bearer ${integration}`, 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'hooked-user', versions: [{ policy: slug, version: 1, contentHash: version1.contentHash }] }) })
    expect(accepted.status).toBe(201)
    // notice.dead: a notice whose last attempt failed.
    const subject = (await app.payload.find({ collection: 'subjects', where: { externalId: { equals: 'hooked-user' } } })).docs[0]
    await app.payload.update({ collection: 'notices', where: { and: [{ subject: { equals: subject.id } }, { channel: { equals: 'email' } }, { version: { equals: published.id } }] }, data: { status: 'dead', lastReply: '550 5.1.1 No such user' } })

    // A round before the version takes effect, however long the steps above took on a busy machine.
    expect(await round(new Date(Math.min(Date.now(), soon.getTime() - 1)))).toEqual({ delivered: 3, retried: 0, dead: 0 })
    expect(receiver.received.map((r) => r.event).sort()).toEqual(['acceptance.recorded', 'notice.dead', 'version.published'])

    // version.effective once it took effect, and only once however often the worker looks.
    await new Promise((resolve) => setTimeout(resolve, soon.getTime() - Date.now() + 50))
    await round()
    await round()
    expect(receiver.received.filter((r) => r.event === 'version.effective')).toHaveLength(1)
    expect(receiver.received).toHaveLength(4)

    for (const r of receiver.received) {
      expect(webhookSignatureProblem(endpoint.secret, r.signature, r.body, new Date())).toBeUndefined()
      const body = JSON.parse(r.body) as { id: string; event: string; occurredAt: string; data: Record<string, unknown> }
      expect(body.event).toBe(r.event)
      // A replay of the same delivery later is recognisable by its timestamp.
      expect(webhookSignatureProblem(endpoint.secret, r.signature, r.body, new Date(Date.now() + 10 * 60_000))).toMatch(/too old/)
    }
    const effective = JSON.parse(receiver.received.find((r) => r.event === 'version.effective')!.body) as { data: { policy: string; version: number; url: string } }
    expect(effective.data).toMatchObject({ policy: slug, version: 2, url: `https://legal.example.com/legal/${slug}/versions/2` })
    expect(new Set(receiver.received.map((r) => r.delivery)).size).toBe(4)
    await app.payload.update({ collection: 'webhook-endpoints', id: endpoint.id, data: { active: false } })
    await receiver.close()
  })

  it('retries an endpoint that is down with backoff, then keeps it as dead with the last error, visible to admins', async () => {
    const port = await freePort()
    const res = await register(`http://127.0.0.1:${port}/down`, ['version.published'])
    const { doc: endpoint } = (await res.json()) as { doc: { id: number } }
    await makeVersion(app.payload, (await makePolicy(app.payload)).id, { _status: 'published' })
    const rounds = []
    for (let i = 0; i < 3; i++) {
      rounds.push(await deliverWebhooks(app.payload, options))
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(rounds).toEqual([{ delivered: 0, retried: 1, dead: 0 }, { delivered: 0, retried: 1, dead: 0 }, { delivered: 0, retried: 0, dead: 1 }])
    const listed = (await (await fetch(`${app.baseUrl}/api/webhook-deliveries?where[endpoint][equals]=${endpoint.id}`, { headers: admin })).json()) as { docs: Array<{ status: string; attempts: number; lastError: string }> }
    expect(listed.docs).toEqual([expect.objectContaining({ status: 'dead', attempts: 3, lastError: 'the connection failed' })])
    expect((await fetch(`${app.baseUrl}/api/webhook-deliveries`)).status).toBe(403)
    await app.payload.update({ collection: 'webhook-endpoints', id: endpoint.id, data: { active: false } })
  })

  it('delivers every kind of event once, signed, after the server is killed in the middle of a delivery', async () => {
    let first = true
    const receiver = await startReceiver(() => {
      if (!first) return 200
      first = false
      return 'hang'
    })
    const registered = await register(receiver.url, ['version.published', 'version.effective', 'acceptance.recorded', 'notice.dead'])
    const { doc: endpoint } = (await registered.json()) as { doc: { id: number; secret: string } }
    const port = await freePort()
    const env = { DATABASE_URL: app.database.url, PORT: String(port), WEBHOOK_ALLOW_HOSTS: LOOPBACK_ALLOWED, NOTICE_WORKER: 'off', LEDGER_CHECKPOINT_MINUTES: '0', WEBHOOK_POLL_SECONDS: '0.1', WEBHOOK_LEASE_SECONDS: '1', WEBHOOK_TIMEOUT_SECONDS: '30', WEBHOOK_RETRY_BASE_SECONDS: '0.05' }
    let server: ChildProcess = servers.start(env)
    await printed(server, /Assent is serving/)
    const until = async (condition: () => boolean, what: string) => {
      for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50))
      if (!condition()) throw new Error(`timed out waiting for ${what}`)
    }

    // One event of each kind: a publication (and, two seconds on, its taking effect), an
    // acceptance and a notice that went dead.
    const policy = await makePolicy(app.payload)
    await upsertSubjects(app.payload, [{ externalId: 'restart-user', email: 'restart@example.com' }])
    const v1 = await makeVersion(app.payload, policy.id, { _status: 'published' })
    const soon = new Date(Date.now() + 2000)
    const v2 = await makeVersion(app.payload, policy.id, { _status: 'published', changeClass: 'informational', summary: 'Restarted.', effectiveAt: soon.toISOString() }, '# Policy\n\nSecond.')
    const accepted = await fetch(`${app.baseUrl}/api/v1/acceptances`, { method: 'POST', headers: { authorization: `Bearer ${integration}`, 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'restart-user', versions: [{ policy: policy.slug, version: 1, contentHash: v1.contentHash }] }) })
    expect(accepted.status).toBe(201)
    const subject = (await app.payload.find({ collection: 'subjects', where: { externalId: { equals: 'restart-user' } } })).docs[0]
    await app.payload.update({ collection: 'notices', where: { and: [{ subject: { equals: subject.id } }, { channel: { equals: 'email' } }, { version: { equals: v2.id } }] }, data: { status: 'dead', lastReply: '550 no such user' } })

    await until(() => receiver.received.length >= 1, 'the first delivery, left without an answer')
    server.kill('SIGKILL')
    await new Promise((resolve) => server.once('exit', resolve))
    server = servers.start(env)
    await printed(server, /Assent is serving/)
    const eventsSeen = () => new Set(receiver.received.map((r) => (JSON.parse(r.body) as { id: string }).id))
    // Six events (both versions are published and take effect), and the one cut off, again.
    await until(() => eventsSeen().size === 6 && receiver.received.length >= 7, 'every event after the restart')
    await new Promise((resolve) => setTimeout(resolve, 300))
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))

    const rows = (await app.payload.find({ collection: 'webhook-deliveries', where: { endpoint: { equals: endpoint.id } }, pagination: false, depth: 0 })).docs
    expect(rows.map((r) => r.event).sort()).toEqual(['acceptance.recorded', 'notice.dead', 'version.effective', 'version.effective', 'version.published', 'version.published'])
    expect(rows.every((r) => r.status === 'delivered')).toBe(true)
    // Each event has one delivery id. An attempt the kill cut off (left unanswered, or answered
    // but not yet recorded) came again after the restart with the same id, so a receiver that
    // keeps the ids it has seen acts once per event. Every copy carries a good signature.
    const idsOfEvent = new Map<string, Set<string>>()
    for (const r of receiver.received) {
      const event = (JSON.parse(r.body) as { id: string }).id
      idsOfEvent.set(event, (idsOfEvent.get(event) ?? new Set()).add(r.delivery))
    }
    expect([...idsOfEvent.values()].map((ids) => ids.size)).toEqual([1, 1, 1, 1, 1, 1])
    expect(new Set([...idsOfEvent.values()].map((ids) => [...ids][0]))).toEqual(new Set(rows.map((r) => String(r.id))))
    expect(receiver.received.filter((r) => r.delivery === receiver.received[0].delivery).length).toBe(2)
    for (const r of receiver.received) expect(webhookSignatureProblem(endpoint.secret, r.signature, r.body, new Date())).toBeUndefined()
    await app.payload.update({ collection: 'webhook-endpoints', id: endpoint.id, data: { active: false } })
    await receiver.close()
  }, 120_000)
})
