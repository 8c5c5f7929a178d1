import type { Payload } from 'payload'

import type { Subject } from '../../payload-types'
import { findPublishedVersion } from '../legalCenter/findPublishedVersion'
import { publicReads } from '../legalCenter/publicReads'
import { findSubject } from '../subjects/findSubject'
import type { PublishedVersion } from '../legalCenter/publishedVersions'

const findBannerNotice = async (payload: Payload, subject: Pick<Subject, 'id'>, version: PublishedVersion) =>
  (
    await payload.find({
      collection: 'notices',
      where: { and: [{ subject: { equals: subject.id } }, { version: { equals: version.id } }, { channel: { equals: 'banner' } }] },
      limit: 1,
      pagination: false,
      depth: 0,
    })
  ).docs[0]

/**
 * Evidence that the banner for `version` was shown to the subject (first display kept) or
 * dismissed. One banner notice per subject and version: written `pending` at publication, or here
 * for subjects who arrived after it.
 */
export async function recordBannerEvent(
  payload: Payload,
  subject: Pick<Subject, 'id'>,
  policyId: number,
  version: PublishedVersion,
  event: 'displayed' | 'dismissed',
  now: Date,
): Promise<void> {
  const at = now.toISOString()
  let existing = await findBannerNotice(payload, subject, version)
  if (!existing) {
    try {
      await payload.create({
        collection: 'notices',
        data: { subject: subject.id, policy: policyId, version: version.id, versionNumber: version.version, channel: 'banner', status: event, reachedAt: at, ...(event === 'dismissed' ? { dismissedAt: at } : {}) },
      })
      return
    } catch (error) {
      // Displayed concurrently by another call: its row stands; a dismissal still applies to it.
      existing = await findBannerNotice(payload, subject, version)
      if (!existing) throw error
    }
  }
  const reachedAt = existing.reachedAt ?? at
  if (event === 'dismissed' && !existing.dismissedAt) {
    await payload.update({ collection: 'notices', id: existing.id, data: { status: 'dismissed', reachedAt, dismissedAt: at } })
  } else if (existing.status === 'pending') {
    // Written at publication; this is the first time the subject sees it.
    await payload.update({ collection: 'notices', id: existing.id, data: { status: event, reachedAt } })
  }
}

/** The browser banner's dismissal of version `number` of policy `slug`, for a subject. */
export async function recordBannerDismissal(payload: Payload, externalId: string, slug: string, number: number, now: Date): Promise<void> {
  const [subject, { policy, version }] = await Promise.all([findSubject(payload, externalId), findPublishedVersion(await publicReads(payload), slug, number)])
  await recordBannerEvent(payload, subject, policy.id, version, 'dismissed', now)
}
