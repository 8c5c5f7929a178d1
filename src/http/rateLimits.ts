import type { Request } from 'express'
import { ipKeyGenerator } from 'express-rate-limit'
import type { Payload } from 'payload'

import type { RateLimits } from '../config/env'
import { subjectOfBannerToken } from '../services/subjects/subjectTokens'
import { rateLimit } from './rateLimit'

const MINUTE = 60_000

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
    login: rateLimit({ what: 'failed logins', windowMs: 15 * MINUTE, limit: limits.loginFailures, key: clientIp, failuresOnly: true }),
    /** Password-reset requests per client IP, and per staff address, per 15 minutes. */
    passwordResets: [
      rateLimit({ what: 'password-reset requests', windowMs: 15 * MINUTE, limit: limits.passwordResets, key: clientIp }),
      rateLimit({ what: 'password-reset requests for this address', windowMs: 15 * MINUTE, limit: limits.passwordResets, key: resetAddress }),
    ],
    /** Banner tokens per subject per minute. */
    tokens: rateLimit({ what: 'banner tokens for this subject', windowMs: MINUTE, limit: limits.tokens, key: (req) => `subject:${String(req.params.externalId).slice(0, 200)}` }),
    /** Acceptance requests per subject per minute, whichever route they come by. */
    acceptances: rateLimit({ what: 'acceptance requests for this subject', windowMs: MINUTE, limit: limits.acceptances, key: (req) => acceptingSubject(payload, req) }),
  }
}

export type RateLimiters = ReturnType<typeof rateLimits>
