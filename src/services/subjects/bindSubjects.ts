import type { PayloadRequest } from 'payload'

import { storedIdentityHash, subjectLedgerRecord } from '../../domain/subjectLedgerRecord'
import { appendEntries } from '../../store/ledger/appendEntries'
import { ledgerIn } from '../../store/ledger/ledgerIn'

const PAGE = 1_000

/**
 * Appends a subject entry for every subject that has none: subjects created before who a subject
 * is was bound. Each is bound as stored at this moment (the entry's time says when; an erased one
 * by the hash it kept), so any later edit of its external id is named by verification. Pages of
 * 1,000 subjects. Returns how many were bound.
 */
export async function bindSubjects(req: PayloadRequest): Promise<number> {
  const { docs: entries } = await req.payload.find({ collection: 'ledger-entries', where: { kind: { equals: 'subject' } }, pagination: false, depth: 0, select: { body: true }, req })
  const bound = new Set(entries.map((e) => String((JSON.parse(e.body) as { record: { subject: unknown } }).record.subject)))
  let count = 0
  for (let page = 1; ; page++) {
    const { docs, hasNextPage } = await req.payload.find({ collection: 'subjects', sort: 'id', limit: PAGE, page, depth: 0, req, select: { externalId: true, externalIdHash: true, erasedAt: true } })
    const unbound = docs.flatMap((s) => {
      const hash = bound.has(String(s.id)) ? null : storedIdentityHash(s)
      return hash ? [{ kind: 'subject' as const, record: subjectLedgerRecord({ id: s.id, externalIdHash: hash }) }] : []
    })
    await appendEntries(ledgerIn(req), unbound)
    count += unbound.length
    if (!hasNextPage) return count
  }
}
