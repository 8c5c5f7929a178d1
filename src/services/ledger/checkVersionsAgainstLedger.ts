import type { Payload } from 'payload'

import { publicationDifferences, publicationLedgerRecord, publicationUnbound } from '../../domain/publicationLedgerRecord'
import { storedFieldOf, type UnboundTally } from '../../domain/ledgerBindings'
import { refId } from '../../domain/refId'
import { checkContinuedUseAgainstRules } from './checkContinuedUseAgainstRules'
import { checkTranslationsAgainstLedger } from './checkTranslationsAgainstLedger'
import { storedPublicationFacts } from './storedPublicationFacts'

/**
 * Compares every published version with its publication entry: a database edit of a version's
 * number, text hash, page HTML, language, summary, change class, effective or publication date,
 * frozen rules, publisher or approver is named with the version and the field, as is a published
 * version the ledger never recorded and a recorded publication whose version is gone; and a
 * continued-use acceptance of a version published under clickwrap; and every frozen translation
 * against its entry. Returns the problems, worded for an
 * auditor; `tally` is told the stored fields an older entry leaves unbound (its page, language,
 * summary, publisher, approver).
 */
export async function checkVersionsAgainstLedger(payload: Payload, tally: UnboundTally): Promise<string[]> {
  const [{ docs: entries }, { docs: versions }, { docs: policies }] = await Promise.all([
    payload.find({ collection: 'ledger-entries', where: { kind: { equals: 'publication' } }, sort: 'seq', pagination: false, depth: 0, select: { seq: true, body: true } }),
    payload.find({
      collection: 'policy-versions',
      where: { publishedAt: { exists: true } },
      select: { policy: true, version: true, contentHash: true, locale: true, summary: true, html: true, changeClass: true, effectiveAt: true, publishedAt: true, rules: true, publishedBy: true, approvedBy: true, approvedAt: true },
      pagination: false,
      depth: 0,
    }),
    payload.find({ collection: 'policies', select: { slug: true }, pagination: false, depth: 0 }),
  ])
  const slugs = new Map(policies.map((p) => [String(p.id), p.slug]))
  const recorded = new Map<string, { seq: number; record: Record<string, unknown> }>()
  const problems: string[] = []
  for (const entry of entries) {
    const record = (JSON.parse(entry.body) as { record: Record<string, unknown> }).record
    const id = String(record.publication)
    if (recorded.has(id)) problems.push(`ledger entries ${recorded.get(id)!.seq} and ${entry.seq} both record the publication of version id ${id}`)
    else recorded.set(id, { seq: entry.seq, record })
  }
  for (const row of versions) {
    const label = `${slugs.get(String(refId(row.policy))) ?? `policy ${refId(row.policy)}`} version ${row.version ?? '?'} (id ${row.id})`
    const entry = recorded.get(String(row.id))
    if (!entry) {
      problems.push(`${label} has no publication entry: nothing binds its number, text hash, change class, dates or rules`)
      continue
    }
    recorded.delete(String(row.id))
    const fields: string[] = publicationDifferences(publicationLedgerRecord(storedPublicationFacts(row as never)!), entry.record).map(storedFieldOf)
    if (refId(row.policy) != null && String(refId(row.policy)) !== String(entry.record.policy)) fields.unshift('policy')
    if (fields.length > 0) problems.push(`${label} differs from its publication entry ${entry.seq} in: ${fields.join(', ')}`)
    tally('policy-versions', publicationUnbound(entry.record).map(storedFieldOf))
  }
  for (const [id, { seq, record }] of recorded) problems.push(`ledger entry ${seq} records the publication of version ${record.version} (id ${id}), which is missing from the published versions`)
  problems.push(...(await checkTranslationsAgainstLedger(payload, slugs, tally)))
  problems.push(...(await checkContinuedUseAgainstRules(payload)))
  return problems
}
