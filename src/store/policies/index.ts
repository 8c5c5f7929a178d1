import type { Payload } from 'payload'

import { sqlAdapter } from '../../db/sqlSession'
import type { PoliciesStore } from './PoliciesStore'
import { mongoPolicies } from './mongoPolicies'
import { sqlPolicies } from './sqlPolicies'

export type { FrozenVersion, PoliciesStore, PublishedNumber, PublishedVersion } from './PoliciesStore'
export { isPublished } from './isPublished'

const stores = new WeakMap<Payload, PoliciesStore>()

/** The policies store of `payload`, for the database it runs on: chosen once per Payload. */
export function policiesStore(payload: Payload): PoliciesStore {
  let store = stores.get(payload)
  if (!store) {
    const adapter = sqlAdapter(payload)
    store = adapter ? sqlPolicies(payload, adapter) : mongoPolicies(payload)
    stores.set(payload, store)
  }
  return store
}
