import type { CollectionAfterChangeHook } from 'payload'

import { noticeLedgerRecord } from '../../../src/domain/ledgerRecords'
import { appendEntries } from '../../../src/store/ledger/appendEntries'
import { ledgerIn } from '../../../src/store/ledger/ledgerIn'

/** Every notice event (a new notice or a change of its status) enters the ledger with it. */
export const appendToLedger: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'create' || previousDoc?.status !== doc.status) await appendEntries(ledgerIn(req), [{ kind: 'notice', record: noticeLedgerRecord(doc) }])
  return doc
}
