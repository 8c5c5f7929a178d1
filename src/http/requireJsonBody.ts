import type { RequestHandler } from 'express'

import { AssentError } from '../errors/AssentError'

/** Staff changes authenticated by the admin cookie take JSON only: a cross-site form cannot send
 * it, so no other site can make a logged-in editor's browser publish or approve. */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) next(new AssentError('unsupported_media_type', 'Send the body as JSON (content-type: application/json), even when it is {}.'))
  else next()
}
