import type { Payload } from 'payload'

import type { ApiKeysStore } from './ApiKeysStore'

/** MongoDB: through Payload's Local API. */
export const mongoApiKeys = (payload: Payload): ApiKeysStore => ({
  keyByHash: async (keyHash) => (await payload.find({ collection: 'api-keys', where: { keyHash: { equals: keyHash } }, limit: 1, pagination: false, depth: 0 })).docs[0],
})
