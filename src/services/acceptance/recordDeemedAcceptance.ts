import type { Payload } from 'payload'

import { deemedAcceptance, type NoticeFact } from '../../domain/deemedAcceptance'
import type { Acceptance, Policy, Subject } from '../../payload-types'
import type { PublishedVersion } from '../legalCenter/publishedVersions'

/** A subject's notices of one version, by its id. */
export type NoticesOf = (versionId: number) => Promise<readonly NoticeFact[]>

/**
 * Continued use: when `version` was published under continued use, has taken effect and a notice
 * of it reached the subject before that (`noticesOf` gives them), records a `continued-use`
 * acceptance citing those notices and naming the versions it `covers` and the text it stands for
 * (`shown`: the version's text in the subject's locale, the one its notices pointed to, and that
 * text's locale).
 * Returns the acceptance recorded, `concurrent` when another status call recorded it first, or
 * undefined when none is due.
 */
export async function recordDeemedAcceptance(payload: Payload, subject: Pick<Subject, 'id' | 'locale'>, policy: Policy, version: PublishedVersion, noticesOf: NoticesOf, covers: number[], now: Date, shown: { contentHash: string; locale: string | null } = { contentHash: version.contentHash, locale: subject.locale ?? null }): Promise<Acceptance | 'concurrent' | undefined> {
  // Only a version published under continued use can be accepted by it (its own frozen rule).
  if ((version.acceptanceMode ?? policy.acceptanceMode) !== 'continued-use') return undefined
  const cited = deemedAcceptance(version.effectiveAt, await noticesOf(version.id), now)
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
        contentHash: shown.contentHash,
        locale: shown.locale,
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
