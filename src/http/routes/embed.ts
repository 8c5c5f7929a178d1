import { readFileSync } from 'node:fs'

import express, { type Router } from 'express'
import type { Payload } from 'payload'

import { recordAcceptance } from '../../services/acceptance/recordAcceptance'
import { recordBannerDismissal } from '../../services/acceptance/recordBannerEvent'
import { subjectStatus } from '../../services/acceptance/subjectStatus'
import { subjectOfBannerToken } from '../../services/subjects/subjectTokens'
import type { RateLimiters } from '../rateLimits'
import { refuseNul } from '../refuseNul'
import { sendStatus } from '../sendStatus'
import { bannerAcceptanceSchema, bannerEventSchema } from '../schemas/acceptance'

const script = readFileSync(new URL('../../embed/banner.js', import.meta.url), 'utf8')

/**
 * The browser banner: `/embed/banner.js` and the routes it calls with a subject token. Called
 * from the host product's pages on another origin, so CORS is open; the token (a header, never a
 * cookie) is what authorises, and only for its own subject.
 */
export function embed(payload: Payload, publicUrl: string, limits: RateLimiters): Router {
  const router = express.Router()
  router.use((req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*')
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type')
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
    if (req.method === 'OPTIONS') return void res.status(204).end()
    next()
  })
  router.get('/banner.js', (_req, res) => {
    res.type('application/javascript').setHeader('Cache-Control', 'public, max-age=300')
    res.send(script)
  })
  const v1 = express.Router()
  v1.use(express.json({ limit: '64kb' }), refuseNul)
  v1.get('/status', async (req, res) => {
    const externalId = subjectOfBannerToken(payload, req.headers.authorization, new Date())
    sendStatus(res, await subjectStatus(payload, externalId, { now: new Date(), publicUrl, recordDisplay: req.query.record === 'display' }))
  })
  v1.post('/acceptances', limits.acceptances, async (req, res) => {
    const subject = subjectOfBannerToken(payload, req.headers.authorization, new Date())
    const body = bannerAcceptanceSchema.parse(req.body ?? {})
    const context = { ip: req.ip, userAgent: req.get('user-agent'), now: new Date(), caller: { kind: 'banner' as const, subject } }
    const result = await recordAcceptance(payload, { ...body, subject, method: 'clickwrap', source: 'embed' }, context)
    res.status(result.status).json(result.body)
  })
  v1.post('/banner-events', async (req, res) => {
    const externalId = subjectOfBannerToken(payload, req.headers.authorization, new Date())
    const { policy, version } = bannerEventSchema.parse(req.body ?? {})
    await recordBannerDismissal(payload, externalId, policy, version, new Date())
    res.status(204).end()
  })
  router.use('/v1', v1)
  return router
}
