import type { CollectionAfterChangeHook } from 'payload'

import { recordPolicyRulesChange } from '../../../src/services/policies/recordPolicyRulesChange'

/** A change of a policy's rules, slug or bundle goes into the ledger with the change itself. */
export const recordRulesChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'update' && previousDoc) await recordPolicyRulesChange(req, previousDoc, doc)
  return doc
}
