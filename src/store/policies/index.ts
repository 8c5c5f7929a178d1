import { leanQuery } from '../../db/leanQuery'
import { sqlAdapter } from '../../db/sqlSession'
import { oncePerPayload } from '../oncePerPayload'
import type { PoliciesStore } from './PoliciesStore'
import { mongoPolicies } from './mongoPolicies'
import { sqlPolicies } from './sqlPolicies'

export type { FrozenTranslation, FrozenVersion, PoliciesStore, PublishedNumber, PublishedTranslation, PublishedVersion } from './PoliciesStore'
export { isPublished } from './isPublished'

/** The policies store of `payload`, for the database it runs on: chosen once per Payload. */
export const policiesStore = oncePerPayload((payload): PoliciesStore => {
  const adapter = sqlAdapter(payload)
  const query = leanQuery(payload)
  return adapter && query ? sqlPolicies(payload, adapter, query) : mongoPolicies(payload)
})
