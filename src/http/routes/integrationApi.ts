import express, { type Router } from 'express'
import type { Payload } from 'payload'

import { recordAcceptance } from '../../services/acceptance/recordAcceptance'
import { issueBannerToken } from '../../services/subjects/subjectTokens'
import { findSubject } from '../../services/subjects/findSubject'
import { upsertSubjects } from '../../services/subjects/upsertSubjects'
import { flagQuery } from '../params'
import type { RateLimiters } from '../rateLimits'
import { requireApiKey } from '../requireApiKey'
import { acceptanceSchema, bulkSubjectsSchema, subjectSchema } from '../schemas/acceptance'

/** What the host product's servers call, with an `integration` API key (the status check, the
 * hottest, is `statusRoute`, routed ahead of the rest). */
export function integrationApi(payload: Payload, limits: RateLimiters): Router {
  const router = express.Router()
  const integration = requireApiKey(payload, 'integration')

  router.put('/subjects', integration, async (req, res) => {
    const { subjects } = bulkSubjectsSchema.parse(req.body ?? {})
    const { created, updated } = await upsertSubjects(payload, subjects)
    res.json({ created, updated })
  })

  router.put('/subjects/:externalId', integration, async (req, res) => {
    const data = subjectSchema.parse(req.body ?? {})
    const { created, subjects } = await upsertSubjects(payload, [{ externalId: String(req.params.externalId), ...data }])
    const s = subjects[0]
    res.status(created ? 201 : 200).json({ externalId: s.externalId, email: s.email ?? null, locale: s.locale ?? null, name: s.name ?? null })
  })

  router.post('/subjects/:externalId/token', integration, limits.tokens, async (req, res) => {
    const subject = await findSubject(payload, String(req.params.externalId), flagQuery(req.query.create))
    res.status(201).json(issueBannerToken(payload, subject.externalId, new Date()))
  })

  router.post('/acceptances', integration, limits.acceptances, async (req, res) => {
    const request = acceptanceSchema.parse(req.body ?? {})
    const caller = { kind: 'api-key' as const, id: (res.locals.apiKey as { id: number | string }).id }
    const result = await recordAcceptance(payload, request, { ip: req.ip, userAgent: req.get('user-agent'), now: new Date(), caller })
    res.status(result.status).json(result.body)
  })

  return router
}
