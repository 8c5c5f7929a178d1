import type { Payload } from 'payload'

import { generateApiKey, hashApiKey, keyAdmits, type ApiKeyScope, type PresentedApiKey } from '../../domain/apiKey'
import { AssentError } from '../../errors/AssentError'
import { apiKeysStore, type StoredApiKey } from '../../store/apiKeys'

/** Creates a key; the returned secret is the only time it exists outside the caller's hands. */
export async function createApiKey(payload: Payload, name: string, scope: ApiKeyScope): Promise<{ key: string; id: number | string }> {
  const key = generateApiKey()
  const doc = await payload.create({ collection: 'api-keys', data: { name, scope, key } as never })
  return { key, id: doc.id }
}

/** The key an `Authorization: Bearer …` header presents, for a route of `scope`: 401 when there is none. */
export function presentedApiKey(authorization: string | undefined, scope: ApiKeyScope): PresentedApiKey {
  const key = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1]
  if (!key) throw new AssentError('unauthenticated', 'Send an API key: "Authorization: Bearer <key>".')
  return { hash: hashApiKey(key), scope }
}

/** The stored key found for a presented one (null or undefined: none), if it admits the route
 * (`keyAdmits`); else why not: 401 when unknown or revoked, 403 when of another scope. */
export function admittedApiKey(found: StoredApiKey | null | undefined, scope: ApiKeyScope): { id: number | string; name: string } {
  if (keyAdmits(found, scope)) return { id: found!.id, name: found!.name }
  if (!found || found.revokedAt) throw new AssentError('unauthenticated', 'This API key is not valid (unknown or revoked).')
  throw new AssentError('forbidden', `This API key has the "${found.scope}" scope; this route needs "${scope}".`)
}

/**
 * The key behind an `Authorization: Bearer …` header, checked against its scope: 401 when missing,
 * unknown or revoked (revocation applies to the very next request), 403 when of another scope.
 */
export async function authenticateApiKey(payload: Payload, authorization: string | undefined, scope: ApiKeyScope): Promise<{ id: number | string; name: string }> {
  const presented = presentedApiKey(authorization, scope)
  return admittedApiKey(await apiKeysStore(payload).keyByHash(presented.hash), scope)
}
