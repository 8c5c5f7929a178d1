import type { PayloadRequest } from 'payload'

import type { PolicyVersion } from '../../payload-types'
import { enqueueWebhook, subscribedEndpoints } from './enqueueWebhook'
import { versionEventData } from './versionEventData'

/** Queues the version.published deliveries of a version just published, in the publishing
 * transaction (`req`): they exist exactly when the version does. */
export async function announcePublication(req: PayloadRequest, version: PolicyVersion, publicUrl: string, now = new Date()): Promise<void> {
  const endpoints = await subscribedEndpoints(req.payload, 'version.published', req)
  if (endpoints.length === 0) return
  const data = await versionEventData(req.payload, version, publicUrl, req)
  for (const endpoint of endpoints) await enqueueWebhook(req.payload, endpoint, { event: 'version.published', key: `version.published:${version.id}`, data }, now, req)
}
