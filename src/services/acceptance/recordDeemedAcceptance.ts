import type { Payload } from 'payload'

import { leanQuery } from '../../db/leanQuery'

import { deemedAcceptance, type NoticeFact } from '../../domain/deemedAcceptance'
import type { Acceptance, Policy, Subject } from '../../payload-types'
import type { PublishedVersion } from '../publishedVersions'

/** The subject's notices of `versionId` (every status check of a continued-use policy asks). */
async function noticeFacts(payload: Payload, subjectId: number, versionId: number): Promise<NoticeFact[]> {
  const query = leanQuery(payload)
  const rows = query
    ? await query('select id, channel, status, reached_at as "reachedAt" from notices where subject_id = ? and version_id = ?', [subjectId, versionId])
    : (await payload.find({ collection: 'notices', where: { and: [{ subject: { equals: subjectId } }, { version: { equals: versionId } }] }, pagination: false, depth: 0 })).docs
  return rows.map((n) => ({ id: n.id as NoticeFact['id'], channel: n.channel as NoticeFact['channel'], status: n.status as NoticeFact['status'], at: n.reachedAt ? new Date(n.reachedAt as string) : undefined }))
}

/**
 * Continued use: when `version` was published under continued use, has taken effect and a notice
 * of it reached the subject before that, records a `continued-use` acceptance citing those notices
 * and naming the versions it `covers`.
 * Returns the acceptance recorded, `concurrent` when another status call recorded it first, or
 * undefined when none is due.
 */
export async function recordDeemedAcceptance(payload: Payload, subject: Pick<Subject, 'id' | 'locale'>, policy: Policy, version: PublishedVersion, covers: number[], now: Date): Promise<Acceptance | 'concurrent' | undefined> {
  // Only a version published under continued use can be accepted by it (its own frozen rule).
  if ((version.acceptanceMode ?? policy.acceptanceMode) !== 'continued-use') return undefined
  const cited = deemedAcceptance(version.effectiveAt, await noticeFacts(payload, subject.id, version.id), now)
  if (!cited) return undefined
  try {
    return await payload.create({
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
        covers,
      },
    })
  } catch {
    // Recorded concurrently by another status call: one acceptance per subject and version.
    return 'concurrent'
  }
}
