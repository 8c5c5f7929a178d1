import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startSmtpSink, type SmtpSink } from './support/smtpSink'
import type { TestApp } from './support/testApp'

const ADDRESS = 'reset-me@example.com'
let app: TestApp
let sink: SmtpSink

/** A POST from `client`, an address the trusted proxy (loopback) names. */
const post = (path: string, body: unknown, client = '203.0.113.1') =>
  fetch(`${app.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client }, body: JSON.stringify(body) })

beforeAll(async () => {
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  process.env.RATE_LIMIT_PASSWORD_RESETS = '3'
  process.env.TRUST_PROXY = 'loopback'
  const { startTestApp } = await import('./support/testApp')
  // A file, as in production: SQLite's locks between connections are what froze this route.
  app = await startTestApp({ sharedDatabase: true })
  await app.payload.create({ collection: 'users', data: { email: ADDRESS, password: 'old-password-long-enough', role: 'editor' } })
})

afterAll(async () => {
  await app?.close()
  await sink?.close()
})

describe('password reset', () => {
  it('mails a reset link at once, without stalling other requests, and the link sets a new password', async () => {
    let slowestHealth = 0
    let probing = true
    const probe = (async () => {
      while (probing) {
        const started = performance.now()
        await fetch(`${app.baseUrl}/healthz`)
        slowestHealth = Math.max(slowestHealth, performance.now() - started)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    })()
    const started = performance.now()
    const res = await post('/api/users/forgot-password', { email: ADDRESS })
    const took = performance.now() - started
    probing = false
    await probe
    expect(res.status).toBe(200)
    expect(took).toBeLessThan(4000)
    expect(slowestHealth).toBeLessThan(1000)

    await expect.poll(() => sink.received.filter((m) => m.to.includes(ADDRESS)).length, { timeout: 10_000 }).toBe(1)
    const mail = sink.received.find((m) => m.to.includes(ADDRESS))!.raw.replace(/=\r?\n/g, '')
    const token = mail.match(/\/admin\/reset\/([0-9a-f]{40})/)?.[1]
    expect(token).toBeDefined()
    const reset = await post('/api/users/reset-password', { token, password: 'new-password-long-enough' })
    expect(reset.status).toBe(200)
    const login = await post('/api/users/login', { email: ADDRESS, password: 'new-password-long-enough' })
    expect(login.status).toBe(200)
    const old = await post('/api/users/login', { email: ADDRESS, password: 'old-password-long-enough' })
    expect(old.status).toBe(401)
  })

  it('answers an unknown address as a known one, and sends nothing', async () => {
    const before = sink.received.length
    const res = await post('/api/users/forgot-password', { email: 'nobody@example.com' })
    expect(res.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(sink.received.length).toBe(before)
  })

  it('refuses a fourth request for one address with 429 and a code, whatever the case or spaces', async () => {
    const address = 'limited@example.com'
    const spellings = [address, ` ${address.toUpperCase()}`, `${address}\t`]
    // From three clients: the limit per address holds whoever asks.
    for (const [i, email] of spellings.entries()) expect((await post('/api/users/forgot-password', { email }, `203.0.113.${10 + i}`)).status).toBe(200)
    const refused = await post('/api/users/forgot-password', { email: address }, '203.0.113.20')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
  })

  it('refuses a client past the limit whichever addresses it names', async () => {
    const client = '203.0.113.30'
    for (const n of [1, 2, 3]) expect((await post('/api/users/forgot-password', { email: `other-${n}@example.com` }, client)).status).toBe(200)
    const refused = await post('/api/users/forgot-password', { email: 'someone-else@example.com' }, client)
    expect(refused.status).toBe(429)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/password-reset requests/)
  })
})
