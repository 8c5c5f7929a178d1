import type { CollectionAfterChangeHook } from 'payload'

import { readEnv } from '../../../src/config/env'
import { IMPORT_CONTEXT_FLAG } from '../../../src/services/freezeVersion'
import { announcePublication } from '../../../src/services/webhooks/announcePublication'
import type { PolicyVersion } from '../../../src/payload-types'

/** A publication announces itself to webhook endpoints; imported history is not announced. */
export const announceToWebhooks: CollectionAfterChangeHook<PolicyVersion> = async ({ doc, previousDoc, req }) => {
  const justPublished = doc.publishedAt && !previousDoc?.publishedAt
  if (justPublished && req.context[IMPORT_CONTEXT_FLAG] !== true) await announcePublication(req, doc, readEnv().publicUrl)
  return doc
}
