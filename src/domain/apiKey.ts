import { createHash, randomBytes } from 'node:crypto'

/** What an API key may do: `integration` (the host product's login flow) or `audit`. */
export const apiKeyScopes = ['integration', 'audit'] as const
export type ApiKeyScope = (typeof apiKeyScopes)[number]

/** A new random API key; shown once, stored only as its hash. */
export const generateApiKey = (): string => `assent_${randomBytes(24).toString('base64url')}`

/** The stored form of a key: SHA-256 hex (keys are random, so no salt or stretching is needed). */
export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex')

/** The first characters of a key, enough for people to tell keys apart. */
export const apiKeyPrefix = (key: string): string => key.slice(0, 14)

/** An API key as a request presents it: its stored form, and the scope the route needs. */
export interface PresentedApiKey {
  hash: string
  scope: ApiKeyScope
}

/** Whether a stored key (null or undefined: none has the hash) opens a route of `scope`: not
 * revoked, and of that scope. */
export const keyAdmits = (found: { scope?: string | null; revokedAt?: unknown } | null | undefined, scope: ApiKeyScope): boolean =>
  !!found && !found.revokedAt && found.scope === scope
