import type { Payload } from 'payload'

import type { PoliciesStore } from './PoliciesStore'
import { isPublished } from './isPublished'

/** The readings of published versions, the same on every database: through Payload's Local API. */
export const publishedReads = (payload: Payload): Omit<PoliciesStore, 'lockForPublishing'> => ({
  publishedVersions: async (policyId) => {
    const { docs } = await payload.find({
      collection: 'policy-versions',
      where: { and: [{ policy: { equals: policyId } }, isPublished] },
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
  },
  publishedVersion: async (policyId, version, withHtml) => {
    const { docs } = await payload.find({
      collection: 'policy-versions',
      where: { and: [{ policy: { equals: policyId } }, { version: { equals: version } }, isPublished] },
      limit: 1,
      pagination: false,
      depth: 0,
      overrideAccess: false,
      // The editor's document is not shown: its frozen text and HTML are. Reading a long one
      // (a megabyte of JSON, walked by the rich-text field's hooks) would hold the event loop.
      select: withHtml ? { body: false } : { body: false, html: false },
    })
    return docs[0]
  },
  publishedNumbers: async (req, policyId) => {
    const { docs } = await payload.find({
      collection: 'policy-versions',
      where: { and: [{ policy: { equals: policyId } }, isPublished] },
      select: { version: true, effectiveAt: true },
      pagination: false,
      depth: 0,
      req,
    })
    return docs.map((doc) => ({ version: doc.version as number, effectiveAt: doc.effectiveAt as string }))
  },
})
