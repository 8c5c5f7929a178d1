import type { Payload } from 'payload'

import type { PublishedVersionRef } from '../domain/publishedVersion'
import type { AcceptanceMode } from '../domain/versionRules'
import type { PolicyVersion } from '../payload-types'

/** What lists, timelines and feeds show of a published version (never its text). */
export interface PublishedVersion extends PublishedVersionRef {
  id: PolicyVersion['id']
  changeClass: PolicyVersion['changeClass']
  summary: string
  publishedAt: Date
  contentHash: string
  /** The acceptance mode frozen with the version (null only for one published before modes were frozen). */
  acceptanceMode: AcceptanceMode | null
}

/** A policy's published versions, oldest first, as the public may see them (access control on). */
export async function publishedVersions(payload: Payload, policyId: number | string): Promise<PublishedVersion[]> {
  const { docs } = await payload.find({
    collection: 'policy-versions',
    where: { and: [{ policy: { equals: policyId } }, { _status: { equals: 'published' } }] },
    select: { version: true, changeClass: true, summary: true, effectiveAt: true, publishedAt: true, contentHash: true, rules: { acceptanceMode: true } },
    sort: 'version',
    pagination: false,
    depth: 0,
    overrideAccess: false,
  })
  return docs.map((doc) => ({
    id: doc.id,
    version: doc.version as number,
    changeClass: doc.changeClass,
    summary: doc.summary,
    effectiveAt: new Date(doc.effectiveAt as string),
    publishedAt: new Date(doc.publishedAt as string),
    contentHash: doc.contentHash as string,
    acceptanceMode: doc.rules?.acceptanceMode ?? null,
  }))
}
