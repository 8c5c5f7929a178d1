import { createHmac, timingSafeEqual } from 'node:crypto'

/** What a browser-banner token says: whose it is and until when it is good. */
export interface SubjectTokenClaims {
  /** The subject's external id. */
  sub: string
  /** Expiry, seconds since the epoch. */
  exp: number
}

export type TokenRefusal = 'malformed' | 'forged' | 'expired'

const sign = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest('base64url')

/** A short-lived token for one subject, signed with HMAC-SHA-256: `<claims>.<signature>`. */
export function issueSubjectToken(claims: SubjectTokenClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${body}.${sign(body, secret)}`
}

/** The claims of a token signed with `secret` and not expired at `now`, or why it is refused. */
export function verifySubjectToken(token: string, secret: string, now: Date): SubjectTokenClaims | TokenRefusal {
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return 'malformed'
  const expected = Buffer.from(sign(body, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forged'
  let claims: SubjectTokenClaims
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return 'malformed'
  }
  if (typeof claims?.sub !== 'string' || typeof claims.exp !== 'number') return 'malformed'
  return claims.exp * 1000 <= now.getTime() ? 'expired' : claims
}
