import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { hasRole } from '../access/roles'
import { AssentError } from '../errors/AssentError'
import { authenticateApiKey } from '../services/staff/apiKeys'
import { staffUser } from './staffUser'

/**
 * Auditor routes: an API key of the `audit` scope (`Authorization: Bearer …`; an integration key
 * is a 403), or a staff login of an auditor or admin. `res.locals.actor` names who asked, for the
 * access log.
 */
export function requireAuditor(payload: Payload): RequestHandler {
  return async (req, res, next) => {
    if (/^Bearer\s/i.test(req.headers.authorization ?? '')) {
      const key = await authenticateApiKey(payload, req.headers.authorization, 'audit')
      res.locals.actor = `api-key:${key.name}`
      return next()
    }
    const user = await staffUser(payload, req)
    if (!hasRole(user, 'auditor', 'admin')) throw new AssentError('forbidden', 'Audit routes are for auditors and admins.')
    res.locals.actor = String(user.email)
    next()
  }
}
