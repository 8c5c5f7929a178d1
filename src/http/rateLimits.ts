import type { Request, RequestHandler } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import type { Payload } from 'payload'

import type { RateLimits } from '../config/env'
import { AssentError } from '../errors/AssentError'
import { subjectOfBannerToken } from '../services/subjects/subjectTokens'

const MINUTE = 60_000

/** A limiter answering Assent's 429 (`rate_limited`, with Retry-After) past `limit` per window. */
function limiter(what: string, windowMs: number, limit: number, key: (req: Request) => string, countFailuresOnly = false): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: countFailuresOnly,
    // A failure is the caller's (4xx): a fault of the server's (5xx) must not lock anyone out.
    requestWasSuccessful: (_req, res) => res.statusCode < 400 || res.statusCode >= 500,
    keyGenerator: key,
    handler: (_req, res, next) => {
      next(new AssentError('rate_limited', `Too many ${what}: try again in ${res.getHeader('retry-after')} seconds.`))
    },
  })
}

const clientIp = (req: Request) => `ip:${ipKeyGenerator(req.ip ?? '')}`

/** The staff address a password-reset request names (its body read whole already), as Payload
 * matches it: trimmed, lower case; the client IP when the body names none. */
function resetAddress(req: Request): string {
  try {
    const email = (JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '') as { email?: unknown }).email
    if (typeof email === 'string' && email.trim()) return `address:${email.trim().toLowerCase().slice(0, 320)}`
  } catch {
    // not JSON: Payload refuses it; it still counts against the client's address
  }
  return clientIp(req)
}

/** The subject a request acts for: the banner token's on the banner's routes, else the
 * integration API's `subject` field. */
function acceptingSubject(payload: Payload, req: Request): string {
  if (req.baseUrl.startsWith('/embed')) {
    try {
      return `subject:${subjectOfBannerToken(payload, req.headers.authorization, new Date())}`
    } catch {
      return clientIp(req)
    }
  }
  const named = (req.body as { subject?: unknown } | undefined)?.subject
  return typeof named === 'string' ? `subject:${named.slice(0, 200)}` : clientIp(req)
}

/**
 * Limits on the routes worth abusing: guessing staff passwords, minting banner tokens, and
 * flooding acceptances. Counts are kept per process (each instance behind a load balancer counts
 * its own); Payload's account lock-out after 5 failed logins holds across instances.
 */
export function rateLimits(payload: Payload, limits: RateLimits) {
  return {
    /** Failed staff logins per client IP per 15 minutes. */
    login: limiter('failed logins', 15 * MINUTE, limits.loginFailures, clientIp, true),
    /** Password-reset requests per client IP, and per staff address, per 15 minutes. */
    passwordResets: [
      limiter('password-reset requests', 15 * MINUTE, limits.passwordResets, clientIp),
      limiter('password-reset requests for this address', 15 * MINUTE, limits.passwordResets, resetAddress),
    ],
    /** Banner tokens per subject per minute. */
    tokens: limiter('banner tokens for this subject', MINUTE, limits.tokens, (req) => `subject:${String(req.params.externalId).slice(0, 200)}`),
    /** Acceptance requests per subject per minute, whichever route they come by. */
    acceptances: limiter('acceptance requests for this subject', MINUTE, limits.acceptances, (req) => acceptingSubject(payload, req)),
  }
}

export type RateLimiters = ReturnType<typeof rateLimits>
