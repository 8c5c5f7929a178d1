import type { Payload, PayloadRequest } from 'payload'

import { refId } from '../../domain/refId'
import type { PolicyVersion } from '../../payload-types'

/** What a version.published or version.effective delivery says about the version. */
export async function versionEventData(payload: Payload, version: PolicyVersion, publicUrl: string, req?: PayloadRequest): Promise<Record<string, unknown>> {
  const policy = await payload.findByID({ collection: 'policies', id: refId(version.policy)!, depth: 0, req })
  return {
    policy: policy.slug,
    title: policy.title,
    version: version.version,
    changeClass: version.changeClass,
    summary: version.summary,
    effectiveAt: version.effectiveAt,
    publishedAt: version.publishedAt,
    contentHash: version.contentHash,
    url: `${publicUrl}/legal/${policy.slug}/versions/${version.version}`,
  }
}
