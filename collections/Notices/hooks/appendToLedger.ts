import type { CollectionAfterChangeHook } from 'payload'

import { noticeLedgerRecord } from '../../../src/domain/ledgerRecords'
import { appendLedgerEntry } from '../../../src/services/ledger/appendLedgerEntry'

/** Every notice event (a new notice or a change of its status) enters the ledger with it. */
export const appendToLedger: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'create' || previousDoc?.status !== doc.status) await appendLedgerEntry(req, 'notice', noticeLedgerRecord(doc))
  return doc
}
