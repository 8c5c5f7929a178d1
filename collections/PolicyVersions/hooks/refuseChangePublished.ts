import type { CollectionBeforeChangeHook } from 'payload'

import { AssentError } from '../../../src/errors/AssentError'

/** A published version never changes, whoever asks and by whatever path (REST, admin, Local API
 * with overrideAccess). */
export const refuseChangePublished: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (originalDoc?.publishedAt) {
    throw new AssentError(
      'version_frozen',
      `Version ${originalDoc.version} is published and frozen; draft a new version instead.`,
    )
  }
  return data
}
