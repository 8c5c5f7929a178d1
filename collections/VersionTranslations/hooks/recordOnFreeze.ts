import type { CollectionAfterChangeHook } from 'payload'

import type { VersionTranslation } from '../../../src/payload-types'
import { recordTranslation } from '../../../src/services/translations/recordTranslation'

/** A translation just frozen is recorded in the ledger in the same transaction. */
export const recordOnFreeze: CollectionAfterChangeHook<VersionTranslation> = async ({ doc, previousDoc, req }) => {
  if (doc.frozenAt && !previousDoc?.frozenAt) await recordTranslation(req, doc)
  return doc
}
