import { readFileSync } from 'node:fs'

import express, { type Express, type RequestHandler } from 'express'
import helmet from 'helmet'
import type { Payload } from 'payload'

import { databaseKind } from '../store/database/databaseKind'
import { documentIdPattern } from '../store/database/documentIdPattern'
import type { AssentEnv } from '../config/env'
import { AssentError } from '../errors/AssentError'
import { errorHandler } from './middleware/errorHandler'
import { payloadRest } from './payloadRest'
import { ImmutableCache } from './immutableCache'
import { RedlineWorkers } from '../services/redline/redlineWorkers'
import { favicon } from './routes/favicon'
import { feeds } from './routes/feeds'
import { embed } from './routes/embed'
import { healthz } from './routes/healthz'
import { integrationApi } from './routes/integrationApi'
import { statusRoute } from './routes/statusRoute'
import { ledgerApi } from './routes/ledgerApi'
import { legalPages } from './routes/legalPages'
import { policiesApi } from './routes/policiesApi'
import { auditApi } from './routes/auditApi'
import { eraseSubjectRoute } from './routes/eraseSubjectRoute'
import { noticePreview } from './routes/noticePreview'
import { publishVersion } from './routes/publishVersion'
import { addTranslationRoute } from './routes/addTranslationRoute'
import { editorApi } from './routes/editorApi'
import { apiReference } from './routes/apiReference'
import { createPageRenderer } from '../render/pageRenderer'
import { rateLimits } from './rateLimits'
import { refuseNul } from './refuseNul'

const appVersion: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version

/** What the app is built from: a started Payload, the settings, and optionally Next's handler
 * for the admin (tests run without it). */
export interface AppParts {
  payload: Payload
  env: AssentEnv
  nextHandler?: RequestHandler
}

/**
 * Assent's HTTP surface in one express app: health, Assent's JSON API, Payload's REST API, and
 * Next (admin) for everything else. Built by a factory so each test gets a fresh one.
 */
export function createApp({ payload, env, nextHandler }: AppParts): Express {
  const app = express()
  app.disable('x-powered-by')
  // Client IPs recorded with acceptances come from the proxy chain only when it is trusted.
  if (env.trustProxy !== undefined) app.set('trust proxy', env.trustProxy)
  // The admin is a Next app with inline scripts; Assent's own pages set their own policy.
  app.use(helmet({ contentSecurityPolicy: false }))
  app.use(refuseNul)
  // Every login of the host product asks for its user's status: routed first, past no other
  // route and no body parser (it has no body), under the same headers and error handling.
  app.get('/api/v1/subjects/:externalId/status', statusRoute(payload, env.publicUrl))

  app.get('/healthz', healthz(payload, databaseKind(env.databaseUrl), appVersion))
  app.get('/', (_req, res) => res.redirect('/legal'))
  app.get(['/favicon.ico', '/favicon.svg'], favicon)

  const limits = rateLimits(payload, env.rateLimits)
  const cache = new ImmutableCache()
  const redlines = new RedlineWorkers()
  const legalSecurity = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], baseUri: ["'none'"], frameAncestors: ["'none'"] } },
  })
  app.use('/legal', legalSecurity, feeds(payload, env.publicUrl, env.organisationName), legalPages({ payload, pages: createPageRenderer(env.organisationName), cache, redlines, publicUrl: env.publicUrl }))

  const api = express.Router()
  api.use(express.json({ limit: '4mb' }), refuseNul)
  // First: after the status check, the host product's calls (acceptances above all) are most of
  // the traffic, and each route passed before them is matched against every one of them.
  api.use(integrationApi(payload, limits))
  api.use(apiReference(env.publicUrl, appVersion, createPageRenderer('API reference')))
  api.post('/policies/:slug/versions', publishVersion(payload))
  api.post('/policies/:slug/versions/:version/translations', addTranslationRoute(payload))
  api.use(editorApi(payload, env, createPageRenderer(env.organisationName), redlines))
  api.get('/policy-versions/:id/notice-preview', noticePreview(payload, env))
  api.use('/policies', policiesApi(payload, cache, redlines))
  api.use('/ledger', ledgerApi(payload, env.publicUrl))
  api.use('/audit', auditApi(payload, redlines))
  api.post('/subjects/:externalId/erase', eraseSubjectRoute(payload))
  api.use((req, _res, next) => next(new AssentError('not_found', `No route ${req.method} ${req.originalUrl}.`)))
  app.use('/api/v1', api)

  app.use('/embed', embed(payload, env.publicUrl, limits))
  app.post('/api/users/login', limits.login)
  // Read whole here so the limit can count per address; Payload's route below reads it from there.
  app.post('/api/users/forgot-password', express.raw({ type: () => true, limit: '64kb' }), limits.passwordResets)
  app.use('/api', payloadRest(payload.config, env.publicUrl, documentIdPattern(env.databaseUrl)))

  if (nextHandler) app.all('/{*splat}', nextHandler)
  app.use((req, _res, next) => next(new AssentError('not_found', `No route ${req.method} ${req.originalUrl}.`)))
  app.use(errorHandler(payload.logger))
  return app
}
