import type { CollectionAfterChangeHook } from 'payload'

import { refId } from '../../../src/domain/refId'
import { isImportedHistory } from '../../../src/services/freezeVersion'
import { enqueueNotices } from '../../../src/services/notices/enqueueNotices'

/**
 * Publishing an informational or material version writes its notices in the same transaction
 * (outbox): they go out at publication, so the notice period before the effective date is real.
 * Editorial versions notify no one; imported history is not announced again.
 */
export const enqueueNoticesOnPublish: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const justPublished = doc.publishedAt && !previousDoc?.publishedAt
  if (!justPublished || doc.changeClass === 'editorial' || isImportedHistory(req.context, doc.effectiveAt, doc.publishedAt)) return doc
  await enqueueNotices(req, { id: doc.id, policy: refId(doc.policy)!, version: doc.version })
  return doc
}
