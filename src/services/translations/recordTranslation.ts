import type { PayloadRequest } from 'payload'

import { htmlHash } from '../../domain/htmlHash'
import { refId } from '../../domain/refId'
import { translationLedgerRecord } from '../../domain/translationLedgerRecord'
import type { VersionTranslation } from '../../payload-types'
import { appendEntries } from '../../store/ledger/appendEntries'
import { ledgerIn } from '../../store/ledger/ledgerIn'

/** Appends the ledger entry of a translation just frozen, inside its transaction. */
export async function recordTranslation(req: PayloadRequest, doc: VersionTranslation): Promise<void> {
  const version = refId(doc.version)
  const policy = refId(doc.policy)
  if (version == null || policy == null || doc.versionNumber == null || !doc.contentHash || !doc.frozenAt) throw new Error(`translation ${doc.id} was frozen without its facts`)
  const record = translationLedgerRecord({ id: doc.id, version, policy, versionNumber: doc.versionNumber, locale: doc.locale, contentHash: doc.contentHash, frozenAt: doc.frozenAt, summary: doc.summary, htmlHash: doc.html ? htmlHash(doc.html) : null })
  await appendEntries(ledgerIn(req), [{ kind: 'translation', record }])
}
