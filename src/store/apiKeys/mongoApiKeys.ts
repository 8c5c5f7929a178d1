import type { Payload } from 'payload'

import type { ApiKeyStore } from './ApiKeyStore'

/** MongoDB: through Payload's Local API. */
export const mongoApiKeys = (payload: Payload): ApiKeyStore => ({
  keyByHash: async (keyHash) => (await payload.find({ collection: 'api-keys', where: { keyHash: { equals: keyHash } }, limit: 1, pagination: false, depth: 0 })).docs[0],
})
