import type { Request, RequestHandler, Response } from 'express'

import { WindowCounts } from '../domain/windowCounts'
import { AssentError } from '../errors/AssentError'

/** A limit on requests per key and window. */
export interface RateLimit {
  /** What is counted, for the refusal: "Too many <what>". */
  what: string
  windowMs: number
  limit: number
  key: (req: Request) => string
  /** Counts only the requests that fail (answered 4xx): a request answered otherwise is taken back
   * once answered. A fault of the server's (5xx) never counts. */
  failuresOnly?: boolean
}

/** Sets a header, or adds to it where another limit of the route (password resets) set it first. */
function tell(res: Response, field: string, value: string): void {
  if (res.hasHeader(field)) res.append(field, value)
  else res.setHeader(field, value)
}

/** A request that counts against a failures-only limit: the caller's own failure. */
const failed = (res: Response) => res.statusCode >= 400 && res.statusCode < 500

/**
 * Lets a request through while its key's hits in the window are within the limit, else refuses it
 * (429 `rate_limited`, with Retry-After: the seconds until the key's window ends); the refused count
 * too. Tells the client its limit and what remains in the IETF draft's `RateLimit` and
 * `RateLimit-Policy` headers. Counts are kept in this process (each instance counts its own).
 */
export function rateLimit({ what, windowMs, limit, key, failuresOnly = false }: RateLimit): RequestHandler {
  const counts = new WindowCounts(windowMs)
  const windowSeconds = Math.ceil(windowMs / 1000)
  const name = `"${limit}-in-${windowSeconds}sec"`
  const policy = `${name}; q=${limit}; w=${windowSeconds}`
  return (req, res, next) => {
    const now = Date.now()
    const count = counts.hit(key(req), now)
    const resetSeconds = Math.max(0, Math.ceil((count.resetAt - now) / 1000))
    tell(res, 'RateLimit-Policy', policy)
    tell(res, 'RateLimit', `${name}; r=${Math.max(limit - count.hits, 0)}; t=${resetSeconds}`)
    if (count.hits > limit) {
      res.setHeader('Retry-After', String(resetSeconds))
      return next(new AssentError('rate_limited', `Too many ${what}: try again in ${resetSeconds} seconds.`))
    }
    if (failuresOnly) {
      res.once('finish', () => {
        if (!failed(res)) counts.takeBack(count)
      })
    }
    next()
  }
}
