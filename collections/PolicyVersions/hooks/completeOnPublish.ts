import type { CollectionAfterChangeHook } from 'payload'

import { completePublication } from '../../../src/services/publishing/publication'
import type { PolicyVersion } from '../../../src/payload-types'

/** A version just published (it has `publishedAt`, its previous state had none) completes its
 * publication in the same transaction: ledger entry, notices, webhooks. */
export const completeOnPublish: CollectionAfterChangeHook<PolicyVersion> = async ({ doc, previousDoc, req }) => {
  if (doc.publishedAt && !previousDoc?.publishedAt) await completePublication(req, doc)
  return doc
}
