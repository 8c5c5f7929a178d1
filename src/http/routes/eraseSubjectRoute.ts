import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { hasRole } from '../../access/roles'
import { AssentError } from '../../errors/AssentError'
import { eraseSubject } from '../../services/eraseSubject'
import { staffUser } from '../staffUser'

/** `POST /api/v1/subjects/:externalId/erase` (admins): GDPR erasure; 200 with when it happened. */
export function eraseSubjectRoute(payload: Payload): RequestHandler {
  return async (req, res) => {
    const user = await staffUser(payload, req)
    if (!hasRole(user, 'admin')) throw new AssentError('forbidden', 'Only admins can erase a subject.')
    const { subject, alreadyErased } = await eraseSubject(payload, String(req.params.externalId))
    payload.logger.info(`Subject ${subject.id} erased by ${user.email}${alreadyErased ? ' (already erased)' : ''}`)
    res.json({ erased: true, erasedAt: subject.erasedAt, alreadyErased, pseudonym: subject.externalId })
  }
}
