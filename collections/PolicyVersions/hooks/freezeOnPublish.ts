import type { CollectionBeforeChangeHook } from 'payload'

import { AssentError } from '../../../src/errors/AssentError'
import { refId } from '../../../src/domain/refId'
import { freezeVersion } from '../../../src/services/freezeVersion'
import { lockForPublishing } from '../../../src/services/lockForPublishing'

/**
 * A published version never changes, whoever asks and by whatever path (REST, admin, Local API
 * with overrideAccess). Publishing an unpublished one freezes it.
 */
export const freezeOnPublish: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (originalDoc?.publishedAt) {
    throw new AssentError(
      'version_frozen',
      `Version ${originalDoc.version} is published and frozen; draft a new version instead.`,
    )
  }
  if (data._status !== 'published') return data
  const policyId = refId(data.policy ?? originalDoc?.policy)
  if (policyId != null) await lockForPublishing(req, policyId, originalDoc?.id)
  const frozen = await freezeVersion(req, { ...originalDoc, ...data })
  return { ...data, ...frozen }
}
