import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import type { ApiKeyScope } from '../domain/apiKey'
import { authenticateApiKey } from '../services/staff/apiKeys'

/** Lets a request through only with a valid, unrevoked API key of `scope`. */
export function requireApiKey(payload: Payload, scope: ApiKeyScope): RequestHandler {
  return async (req, res, next) => {
    res.locals.apiKey = await authenticateApiKey(payload, req.headers.authorization, scope)
    next()
  }
}
