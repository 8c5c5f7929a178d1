import type { CollectionBeforeChangeHook } from 'payload'

import { apiKeyPrefix, hashApiKey } from '../../../src/domain/apiKey'
import { AssentError } from '../../../src/errors/AssentError'

const CREATED = 'assentCreatedApiKey'

/** The secret of the key this request created, for the answer that creates it; else nothing. */
export const createdKey = (context: Record<string, unknown>): string | undefined => context[CREATED] as string | undefined

/** Stores a new key only as its hash and prefix; an existing key's secret never changes. */
export const hashNewKey: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const { key, ...rest } = data
  if (operation !== 'create') return rest
  if (typeof key !== 'string' || key.length < 24) {
    throw new AssentError('validation_failed', 'An API key needs its generated secret.', { fields: ['key'] })
  }
  req.context[CREATED] = key
  return { ...rest, keyHash: hashApiKey(key), keyPrefix: apiKeyPrefix(key) }
}
