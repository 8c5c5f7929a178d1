import type { CollectionAfterChangeHook } from 'payload'

import type { Subject } from '../../../src/payload-types'
import { recordSubject } from '../../../src/services/subjects/recordSubject'

/** A subject just created is recorded in the ledger in the same transaction. */
export const recordOnCreate: CollectionAfterChangeHook<Subject> = async ({ doc, operation, req }) => {
  if (operation === 'create') await recordSubject(req, doc)
  return doc
}
