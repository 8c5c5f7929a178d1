import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { hasRole } from '../../access/roles'
import { AssentError } from '../../errors/AssentError'
import { eraseSubject } from '../../services/subjects/eraseSubject'
import { staffUser } from '../staffUser'

/** `POST /api/v1/subjects/:externalId/erase` with `{"confirm": "<externalId>"}` (admins): GDPR
 * erasure; 200 with when it happened. */
export function eraseSubjectRoute(payload: Payload): RequestHandler {
  return async (req, res) => {
    const user = await staffUser(payload, req)
    if (!hasRole(user, 'admin')) throw new AssentError('forbidden', 'Only admins can erase a subject.')
    const externalId = String(req.params.externalId)
    // A JSON body naming the subject again: no cross-site form can send one, and no slip of a URL erases anyone.
    if (!req.is('application/json') || (req.body as { confirm?: unknown })?.confirm !== externalId) {
      throw new AssentError('validation_failed', `Confirm the erasure with the JSON body {"confirm": "${externalId}"}.`, { fields: [{ field: 'confirm', message: 'must repeat the external id' }] })
    }
    const { subject, alreadyErased } = await eraseSubject(payload, externalId)
    payload.logger.info(`Subject ${subject.id} erased by ${user.email}${alreadyErased ? ' (already erased)' : ''}`)
    res.json({ erased: true, erasedAt: subject.erasedAt, alreadyErased, pseudonym: subject.externalId })
  }
}
