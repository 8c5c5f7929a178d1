import type { Payload } from 'payload'

import type { Subject } from '../../payload-types'
import type { PublishedVersion } from '../publishedVersions'

/**
 * Evidence that the banner for `version` was shown to the subject (first display kept) or
 * dismissed. One banner notice per subject and version.
 */
export async function recordBannerEvent(
  payload: Payload,
  subject: Subject,
  policyId: number,
  version: PublishedVersion,
  event: 'displayed' | 'dismissed',
  now: Date,
): Promise<void> {
  const { docs } = await payload.find({
    collection: 'notices',
    where: { and: [{ subject: { equals: subject.id } }, { version: { equals: version.id } }, { channel: { equals: 'banner' } }] },
    limit: 1,
    depth: 0,
  })
  const at = now.toISOString()
  const existing = docs[0]
  if (!existing) {
    try {
      await payload.create({
        collection: 'notices',
        data: { subject: subject.id, policy: policyId, version: version.id, versionNumber: version.version, channel: 'banner', status: event, reachedAt: at, ...(event === 'dismissed' ? { dismissedAt: at } : {}) },
      })
      return
    } catch (error) {
      // Displayed concurrently by another call: its row stands; a dismissal still applies to it.
      const again = await payload.find({ collection: 'notices', where: { and: [{ subject: { equals: subject.id } }, { version: { equals: version.id } }, { channel: { equals: 'banner' } }] }, limit: 1, depth: 0 })
      if (!again.docs[0]) throw error
      if (event === 'dismissed') await payload.update({ collection: 'notices', id: again.docs[0].id, data: { status: 'dismissed', dismissedAt: at } })
      return
    }
  }
  if (event === 'dismissed' && !existing.dismissedAt) {
    await payload.update({ collection: 'notices', id: existing.id, data: { status: 'dismissed', dismissedAt: at } })
  }
}
