import { createHmac } from 'node:crypto'

import type { Payload } from 'payload'

import { issueSubjectToken, verifySubjectToken } from '../../domain/subjectToken'
import { AssentError } from '../../errors/AssentError'

const TOKEN_TTL_SECONDS = 15 * 60

/** The token key, derived from Payload's secret so that no other setting is needed. */
const tokenSecret = (payload: Payload) => createHmac('sha256', payload.secret).update('assent:subject-token').digest('hex')

/** A short-lived token that lets the browser banner act for one subject only. */
export function issueBannerToken(payload: Payload, externalId: string, now: Date): { token: string; expiresAt: string } {
  const exp = Math.floor(now.getTime() / 1000) + TOKEN_TTL_SECONDS
  return { token: issueSubjectToken({ sub: externalId, exp }, tokenSecret(payload)), expiresAt: new Date(exp * 1000).toISOString() }
}

/** The subject a banner token is for, or a 401 saying why it is refused. */
export function subjectOfBannerToken(payload: Payload, authorization: string | undefined, now: Date): string {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1]
  if (!token) throw new AssentError('token_invalid', 'Send the banner token: "Authorization: Bearer <token>".')
  const claims = verifySubjectToken(token, tokenSecret(payload), now)
  if (typeof claims === 'string') throw new AssentError('token_invalid', `The banner token is ${claims}.`)
  return claims.sub
}
