import type { PayloadRequest } from 'payload'

import { publicationLedgerRecord } from '../../domain/publicationLedgerRecord'
import { appendEntries } from '../../store/ledger/appendEntries'
import { ledgerIn } from '../../store/ledger/ledgerIn'
import { storedPublicationFacts } from './storedPublicationFacts'

const PUBLICATION_COLUMNS = { policy: true, version: true, contentHash: true, changeClass: true, effectiveAt: true, publishedAt: true, rules: true } as const

/**
 * Appends a publication entry for every published version that has none: versions published
 * before publications were ledger entries. Their facts are bound as stored at this moment (the
 * entry's time says when), so any later edit of them is named by verification. Returns how many.
 */
export async function bindPublishedVersions(req: PayloadRequest): Promise<number> {
  const [{ docs: versions }, { docs: entries }] = await Promise.all([
    // Only the columns that existed when this first ran (a migration): later columns are not there yet.
    req.payload.find({ collection: 'policy-versions', where: { publishedAt: { exists: true } }, sort: 'id', pagination: false, depth: 0, req, select: PUBLICATION_COLUMNS }),
    req.payload.find({ collection: 'ledger-entries', where: { kind: { equals: 'publication' } }, pagination: false, depth: 0, select: { body: true }, req }),
  ])
  const bound = new Set(entries.map((e) => String((JSON.parse(e.body) as { record: { publication: unknown } }).record.publication)))
  const missing = versions.filter((v) => !bound.has(String(v.id)))
  await appendEntries(ledgerIn(req), missing.map((v) => ({ kind: 'publication' as const, record: publicationLedgerRecord(storedPublicationFacts(v)!) })))
  return missing.length
}
