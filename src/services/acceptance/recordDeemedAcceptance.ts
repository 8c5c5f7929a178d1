import type { Payload } from 'payload'

import { deemedAcceptance, type NoticeFact } from '../../domain/deemedAcceptance'
import type { Policy, Subject } from '../../payload-types'
import type { PublishedVersion } from '../publishedVersions'

/**
 * Continued use: when `version` has taken effect and a notice of it reached the subject before
 * that, records a `continued-use` acceptance citing those notices. Returns whether it did.
 */
export async function recordDeemedAcceptance(payload: Payload, subject: Subject, policy: Policy, version: PublishedVersion, now: Date): Promise<boolean> {
  const { docs } = await payload.find({
    collection: 'notices',
    where: { and: [{ subject: { equals: subject.id } }, { version: { equals: version.id } }] },
    pagination: false,
    depth: 0,
  })
  const facts: NoticeFact[] = docs.map((n) => ({ id: n.id, channel: n.channel, status: n.status, at: n.reachedAt ? new Date(n.reachedAt) : undefined }))
  const cited = deemedAcceptance(version.effectiveAt, facts, now)
  if (!cited) return false
  try {
    await payload.create({
      collection: 'acceptances',
      data: {
        subject: subject.id,
        policy: policy.id,
        version: version.id,
        versionNumber: version.version,
        method: 'continued-use',
        source: 'api',
        contentHash: version.contentHash,
        locale: subject.locale,
        acceptedAt: now.toISOString(),
        notices: cited.map((n) => ({ id: n.id, channel: n.channel, reachedAt: n.at!.toISOString() })),
      },
    })
  } catch {
    // Recorded concurrently by another status call: one acceptance per subject and version.
  }
  return true
}
