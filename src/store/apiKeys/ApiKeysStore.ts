import type { ApiKey } from '../../payload-types'

/** What checking a key needs of it. */
export type StoredApiKey = Pick<ApiKey, 'id' | 'name' | 'scope' | 'revokedAt'>

/** Where API keys are kept, on whichever database Assent runs (`apiKeysStore` chooses once). */
export interface ApiKeysStore {
  /** The stored key with this hash, or undefined: every integration call asks. */
  keyByHash: (keyHash: string) => Promise<StoredApiKey | undefined>
}
