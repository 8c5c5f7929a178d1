import type { Payload } from 'payload'

import type { NoticeFact } from '../../domain/deemedAcceptance'
import type { Acceptance, Policy, Subject } from '../../payload-types'
import type { PublishedVersion } from '../legalCenter/publishedVersions'

/**
 * Continued use: records a `continued-use` acceptance of `version`, citing the notices that reached
 * the subject before it took effect (`cited`, as `deemedAcceptance` found them) and naming the
 * versions it `covers` and the text it stands for (`shown`: the version's text in the subject's
 * locale, the one its notices pointed to, and that text's locale).
 * Returns the acceptance recorded, `concurrent` when another status call recorded it first, or
 * undefined for a version not published under continued use.
 */
export async function recordDeemedAcceptance(payload: Payload, subject: Pick<Subject, 'id' | 'locale'>, policy: Policy, version: PublishedVersion, cited: readonly NoticeFact[], covers: number[], now: Date, shown: { contentHash: string; locale: string | null } = { contentHash: version.contentHash, locale: subject.locale ?? null }): Promise<Acceptance | 'concurrent' | undefined> {
  // Only a version published under continued use can be accepted by it (its own frozen rule).
  if ((version.acceptanceMode ?? policy.acceptanceMode) !== 'continued-use') return undefined
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
