import type { RequestHandler } from 'express'

import { AssentError } from '../errors/AssentError'

const NUL_IN_URL = /%00|\u0000/i

/** Whether a parsed JSON value holds the NUL character in any string or key. */
export function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000')
  if (typeof value !== 'object' || value === null || depth > 64) return false
  return Object.entries(value).some(([key, v]) => key.includes('\u0000') || holdsNul(v, depth + 1))
}

/**
 * Refuses the NUL character in the URL or a JSON body: no text Assent keeps may contain it, and
 * PostgreSQL cannot store it (it would fail the query with a 500 instead of saying so).
 */
export const refuseNul: RequestHandler = (req, _res, next) => {
  if (NUL_IN_URL.test(req.originalUrl) || holdsNul(req.body)) {
    return next(new AssentError('bad_request', 'Text may not contain the NUL character (U+0000).'))
  }
  next()
}
