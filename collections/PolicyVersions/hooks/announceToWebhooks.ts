import type { CollectionAfterChangeHook } from 'payload'

import { readEnv } from '../../../src/config/env'
import { isImportedHistory } from '../../../src/services/freezeVersion'
import { announcePublication } from '../../../src/services/webhooks/announcePublication'
import type { PolicyVersion } from '../../../src/payload-types'

/** A publication announces itself to webhook endpoints; imported history is not announced
 * (an upcoming version is, however it was published). */
export const announceToWebhooks: CollectionAfterChangeHook<PolicyVersion> = async ({ doc, previousDoc, req }) => {
  const justPublished = doc.publishedAt && !previousDoc?.publishedAt
  if (justPublished && !isImportedHistory(req.context, doc.effectiveAt, doc.publishedAt)) await announcePublication(req, doc, readEnv().publicUrl)
  return doc
}
