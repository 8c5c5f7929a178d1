import type { CollectionAfterChangeHook } from 'payload'

import { recordPublication as appendPublication } from '../../../src/services/ledger/recordPublication'
import type { PolicyVersion } from '../../../src/payload-types'

/**
 * Every publication, by any path (editor, API, import, seed), is a ledger entry written in the
 * publishing transaction: a version's number, text hash, class, dates and rules are bound from the
 * moment it exists.
 */
export const recordPublication: CollectionAfterChangeHook<PolicyVersion> = async ({ doc, previousDoc, req }) => {
  if (doc.publishedAt && !previousDoc?.publishedAt) await appendPublication(req, doc)
  return doc
}
