import { describe, expect, it } from 'vitest'

import { hashApiKey } from '../../../src/domain/apiKey'
import { createApiKey } from '../../../src/services/staff/apiKeys'
import { apiKeysStore } from '../../../src/store/apiKeys'
import type { StoreContract } from './storeContract'

/** The API key store: a key is found by its hash alone, revocation shows at once. */
export const apiKeysContract: StoreContract = (app) => {
  describe('API keys', () => {
    const store = () => apiKeysStore(app().payload)

    it('finds a key by its hash, and nothing for an unknown one', async () => {
      const { key, id } = await createApiKey(app().payload, 'contract key', 'integration')
      expect(await store().keyByHash(hashApiKey(key))).toMatchObject({ id, name: 'contract key', scope: 'integration' })
      expect((await store().keyByHash(hashApiKey(key)))?.revokedAt ?? null).toBeNull()
      expect(await store().keyByHash(hashApiKey(`${key}x`))).toBeUndefined()
    })

    it('shows a revocation on the very next read', async () => {
      const { key, id } = await createApiKey(app().payload, 'revoked key', 'integration')
      await app().payload.update({ collection: 'api-keys', id, data: { revokedAt: new Date().toISOString() } })
      expect((await store().keyByHash(hashApiKey(key)))?.revokedAt).toBeTruthy()
    })
  })
}
