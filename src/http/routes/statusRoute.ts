import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { subjectStatus } from '../../services/acceptance/subjectStatus'
import { presentedApiKey } from '../../services/staff/apiKeys'
import { flagQuery } from '../params'
import { sendStatus } from '../sendStatus'

/**
 * `GET /api/v1/subjects/:externalId/status`, the login flow's call, with an `integration` API key:
 * its key is read and checked in the status read itself (one statement on SQL databases, the
 * key's and the subject's), before anything read is used or written.
 */
export function statusRoute(payload: Payload, publicUrl: string): RequestHandler {
  return async (req, res) => {
    const status = await subjectStatus(payload, String(req.params.externalId), {
      now: new Date(),
      publicUrl,
      create: flagQuery(req.query.create),
      recordDisplay: req.query.record === 'display',
      apiKey: presentedApiKey(req.headers.authorization, 'integration'),
    })
    sendStatus(res, status)
  }
}
