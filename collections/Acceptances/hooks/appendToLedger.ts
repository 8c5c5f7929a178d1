import type { CollectionAfterChangeHook } from 'payload'

import { acceptanceLedgerRecord } from '../../../src/domain/ledgerRecords'
import { appendLedgerEntry } from '../../../src/services/ledger/appendLedgerEntry'

/** Every acceptance enters the ledger in the transaction that records it. */
export const appendToLedger: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create') await appendLedgerEntry(req, 'acceptance', acceptanceLedgerRecord(doc))
  return doc
}
