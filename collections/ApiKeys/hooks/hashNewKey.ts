import type { CollectionBeforeChangeHook } from 'payload'

import { apiKeyPrefix, hashApiKey } from '../../../src/domain/apiKey'
import { AssentError } from '../../../src/errors/AssentError'

/** Stores a new key only as its hash and prefix; an existing key's secret never changes. */
export const hashNewKey: CollectionBeforeChangeHook = ({ data, operation }) => {
  const { key, ...rest } = data
  if (operation !== 'create') return rest
  if (typeof key !== 'string' || key.length < 24) {
    throw new AssentError('validation_failed', 'An API key needs its generated secret.', { fields: ['key'] })
  }
  return { ...rest, keyHash: hashApiKey(key), keyPrefix: apiKeyPrefix(key) }
}
