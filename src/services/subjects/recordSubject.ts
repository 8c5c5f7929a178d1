import type { PayloadRequest } from 'payload'

import { externalIdHash } from '../../domain/externalIdHash'
import { subjectLedgerRecord } from '../../domain/subjectLedgerRecord'
import type { Subject } from '../../payload-types'
import { appendEntries } from '../../store/ledger/appendEntries'
import { ledgerIn } from '../../store/ledger/ledgerIn'

/** Appends the ledger entry of a subject just created, inside its transaction: from then on who
 * the subject is (the hash of its external id) is bound, and with it every acceptance and notice
 * recorded under its id. */
export async function recordSubject(req: PayloadRequest, doc: Pick<Subject, 'id' | 'externalId'>): Promise<void> {
  await appendEntries(ledgerIn(req), [{ kind: 'subject', record: subjectLedgerRecord({ id: doc.id, externalIdHash: externalIdHash(doc.externalId) }) }])
}
