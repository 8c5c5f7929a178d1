import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import express from 'express'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { errorHandler } from '../src/http/middleware/errorHandler'
import { rateLimits } from '../src/http/rateLimits'

/** The login limit in front of a stand-in for Payload's login that answers the status asked for. */
let server: Server
let base: string
beforeAll(async () => {
  const app = express()
  const limits = rateLimits({} as Payload, { loginFailures: 3, passwordResets: 5, tokens: 30, acceptances: 120 })
  app.post('/login', limits.login, (req, res) => void res.status(Number(req.query.status)).json({}))
  app.use(errorHandler({ error: () => undefined, info: () => undefined }))
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

const login = (status: number) => fetch(`${base}/login?status=${status}`, { method: 'POST' }).then((res) => res.status)

describe('the failed-login limit', () => {
  it('never counts a server fault (5xx) as a failed login, and counts wrong passwords (4xx)', async () => {
    for (let n = 0; n < 10; n++) expect(await login(500)).toBe(500)
    for (let n = 0; n < 5; n++) expect(await login(503)).toBe(503)
    expect(await login(200)).toBe(200)
    expect([await login(401), await login(401), await login(401)]).toEqual([401, 401, 401])
    expect(await login(401)).toBe(429)
    // Once limited, a right password waits too.
    expect(await login(200)).toBe(429)
  })
})
