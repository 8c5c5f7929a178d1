import type { CollectionAfterChangeHook } from 'payload'

import { acceptanceLedgerRecord } from '../../../src/domain/ledgerRecords'
import { appendEntries } from '../../../src/store/ledger/appendEntries'
import { ledgerIn } from '../../../src/store/ledger/ledgerIn'

/** Every acceptance enters the ledger in the transaction that records it. */
export const appendToLedger: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create') await appendEntries(ledgerIn(req), [{ kind: 'acceptance', record: acceptanceLedgerRecord(doc) }])
  return doc
}
