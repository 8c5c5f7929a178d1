import type { CollectionBeforeChangeHook } from 'payload'

import { prepareTranslation } from '../../../src/services/translations/prepareTranslation'

/** A translation marked ready (`_status: 'published'`) is checked, and frozen when its version is
 * published (now, or when the version is published later). */
export const freezeWhenReady: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (data._status !== 'published') return data
  return { ...data, ...(await prepareTranslation(req, { ...originalDoc, ...data })) }
}
