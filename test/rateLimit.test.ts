import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { errorHandler } from '../src/http/middleware/errorHandler'
import { rateLimit } from '../src/http/rateLimit'

/** Routes under limits keyed by the `key` query, answering the status asked for. */
let server: Server
let base: string
beforeAll(async () => {
  const app = express()
  const byKey = (req: express.Request) => String(req.query.key)
  const answer: express.RequestHandler = (req, res) => void res.status(Number(req.query.status ?? 200)).json({})
  app.get('/one', rateLimit({ what: 'tries', windowMs: 60_000, limit: 3, key: byKey }), answer)
  app.get('/two', rateLimit({ what: 'tries', windowMs: 60_000, limit: 5, key: byKey }), rateLimit({ what: 'tries for this address', windowMs: 900_000, limit: 2, key: () => 'all' }), answer)
  app.get('/failures', rateLimit({ what: 'failures', windowMs: 60_000, limit: 2, key: byKey, failuresOnly: true }), answer)
  app.use(errorHandler({ error: () => undefined, info: () => undefined }))
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

const get = (path: string) => fetch(`${base}${path}`)

describe('rateLimit', () => {
  it('lets a key through up to the limit, then refuses with 429 rate_limited and Retry-After; another key is not held up', async () => {
    const answers = []
    for (let i = 0; i < 5; i++) answers.push(await get('/one?key=a'))
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429, 429])
    expect(answers.map((r) => r.headers.get('ratelimit'))).toEqual(['"3-in-60sec"; r=2; t=60', '"3-in-60sec"; r=1; t=60', '"3-in-60sec"; r=0; t=60', '"3-in-60sec"; r=0; t=60', '"3-in-60sec"; r=0; t=60'])
    expect(answers[0].headers.get('ratelimit-policy')).toBe('"3-in-60sec"; q=3; w=60')
    const refused = answers[3]
    expect(Number(refused.headers.get('retry-after'))).toBe(60)
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: 'Too many tries: try again in 60 seconds.' } })
    expect((await get('/one?key=b')).status).toBe(200)
  })

  it('tells both limits of a route under two, and refuses at the tighter', async () => {
    const first = await get('/two?key=c')
    expect(first.headers.get('ratelimit')).toBe('"5-in-60sec"; r=4; t=60, "2-in-900sec"; r=1; t=900')
    expect(first.headers.get('ratelimit-policy')).toBe('"5-in-60sec"; q=5; w=60, "2-in-900sec"; q=2; w=900')
    expect((await get('/two?key=d')).status).toBe(200)
    const third = await get('/two?key=e')
    expect(third.status).toBe(429)
    expect(((await third.json()) as { error: { message: string } }).error.message).toBe('Too many tries for this address: try again in 900 seconds.')
  })

  it('with failuresOnly, counts only answers of 4xx (the caller\'s failures), never a success or a server fault', async () => {
    const status = async (s: number) => (await get(`/failures?key=f&status=${s}`)).status
    expect([await status(200), await status(500), await status(200), await status(503)]).toEqual([200, 500, 200, 503])
    expect([await status(401), await status(401)]).toEqual([401, 401])
    expect(await status(401)).toBe(429)
    expect(await status(200)).toBe(429)
  })
})
