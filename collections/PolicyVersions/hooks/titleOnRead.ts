import type { CollectionAfterReadHook, PayloadRequest } from 'payload'

import { refId } from '../../../src/domain/refId'
import { versionTitle } from '../../../src/domain/versionTitle'
import { isPublished } from '../../../src/store/policies'

/** Per request, each policy's newest published number is looked up once, however many of its
 * drafts a list shows. */
function latestPublishedNumber(req: PayloadRequest, policyId: number | string): Promise<number | undefined> {
  const cache = ((req.context.assentLatestPublished as Map<string, Promise<number | undefined>> | undefined) ??= new Map())
  const key = String(policyId)
  if (!cache.has(key)) {
    cache.set(key, req.payload
      .find({ collection: 'policy-versions', where: { and: [{ policy: { equals: policyId } }, isPublished] }, sort: '-version', limit: 1, pagination: false, depth: 0, req, select: { version: true } })
      .then(({ docs }) => docs[0]?.version ?? undefined))
  }
  return cache.get(key)!
}

/**
 * The admin's name for a version ("Privacy Policy — draft of version 3"), in its `title`: Payload
 * fills that virtual field with the policy's title, and this completes it on every read, so it
 * follows the policy's title and the versions published since.
 */
export const titleOnRead: CollectionAfterReadHook = async ({ doc, req }) => {
  if (!('title' in doc)) return doc
  const policyId = refId(doc.policy)
  const latest = policyId != null && !doc.publishedAt ? await latestPublishedNumber(req, policyId) : undefined
  return { ...doc, title: versionTitle(policyId == null ? undefined : (doc.title ?? undefined), doc, latest) }
}
