import type { CollectionBeforeChangeHook } from 'payload'

import { startPublication } from '../../../src/services/publishing/publication'

/** A change that publishes (`_status: 'published'`, by any path) starts the publication before
 * Payload writes it: the policy is locked and the version frozen with its number. */
export const freezeOnPublish: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (data._status !== 'published') return data
  return { ...data, ...(await startPublication(req, { data, original: originalDoc })) }
}
