import type { Request } from 'express'
import type { Payload, TypedUser } from 'payload'

import { AssentError } from '../errors/AssentError'

/** The staff user behind a request's Payload login token (`Authorization: JWT …` or the admin
 * cookie), or a 401. */
export async function staffUser(payload: Payload, req: Request): Promise<TypedUser> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
  }
  const { user } = await payload.auth({ headers })
  if (!user || user.collection !== 'users') {
    throw new AssentError('unauthenticated', 'Log in first: send "Authorization: JWT <token>" from POST /api/users/login.')
  }
  return user
}
