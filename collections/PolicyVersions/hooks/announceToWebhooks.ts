import type { CollectionAfterChangeHook } from 'payload'

import { readEnv } from '../../../src/config/env'
import { IMPORT_CONTEXT_FLAG } from '../../../src/services/freezeVersion'
import { enqueueWebhook, subscribedEndpoints } from '../../../src/services/webhooks/enqueueWebhook'
import { versionEventData } from '../../../src/services/webhooks/versionEventData'
import type { PolicyVersion } from '../../../src/payload-types'

/** A publication queues its version.published deliveries in the publishing transaction (outbox):
 * they exist exactly when the version does. Imported history is not announced. */
export const announceToWebhooks: CollectionAfterChangeHook<PolicyVersion> = async ({ doc, previousDoc, req }) => {
  const justPublished = doc.publishedAt && !previousDoc?.publishedAt
  if (!justPublished || req.context[IMPORT_CONTEXT_FLAG] === true) return doc
  const endpoints = await subscribedEndpoints(req.payload, 'version.published', req)
  if (endpoints.length === 0) return doc
  const data = await versionEventData(req.payload, doc, readEnv().publicUrl, req)
  const now = new Date()
  for (const endpoint of endpoints) await enqueueWebhook(req.payload, endpoint, { event: 'version.published', key: `version.published:${doc.id}`, data }, now, req)
  return doc
}
