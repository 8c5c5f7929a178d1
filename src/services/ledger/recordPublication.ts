import type { PayloadRequest } from 'payload'

import { publicationLedgerRecord } from '../../domain/publicationLedgerRecord'
import { refId } from '../../domain/refId'
import type { PolicyVersion } from '../../payload-types'
import { appendEntries } from '../../store/ledger/appendEntries'
import { ledgerIn } from '../../store/ledger/ledgerIn'
import { storedPublicationFacts } from './storedPublicationFacts'

/** Appends the ledger entry of a version just published, inside the publishing transaction: who
 * published and approved it are bound too, as none where the version has none. */
export async function recordPublication(req: PayloadRequest, doc: PolicyVersion): Promise<void> {
  const facts = storedPublicationFacts({ publishedBy: null, approvedBy: null, approvedAt: null, ...doc })
  if (!facts || refId(doc.policy) == null) throw new Error(`version ${doc.id} was published without its frozen facts`)
  await appendEntries(ledgerIn(req), [{ kind: 'publication', record: publicationLedgerRecord(facts) }])
}
