import type { Payload } from 'payload'

import { contentHash } from '../../domain/contentHash'
import { refId } from '../../domain/refId'
import { htmlHash } from '../../domain/htmlHash'
import { storedFieldOf, type UnboundTally } from '../../domain/ledgerBindings'
import { translationDifferences, translationLedgerRecord, translationUnbound } from '../../domain/translationLedgerRecord'

/**
 * Compares every frozen translation with its ledger entry: a database edit of its version, locale,
 * summary, text hash, page HTML or freezing time, a text that no longer hashes to its recorded
 * hash, a frozen translation the ledger never recorded and a recorded one that is gone (or was
 * unfrozen to be edited) are each named. `slugs` names policies by id; `tally` is told the fields an older entry
 * leaves unbound.
 */
export async function checkTranslationsAgainstLedger(payload: Payload, slugs: ReadonlyMap<string, string>, tally: UnboundTally): Promise<string[]> {
  const [{ docs: entries }, { docs: translations }] = await Promise.all([
    payload.find({ collection: 'ledger-entries', where: { kind: { equals: 'translation' } }, sort: 'seq', pagination: false, depth: 0, select: { seq: true, body: true } }),
    payload.find({
      collection: 'version-translations',
      where: { frozenAt: { exists: true } },
      select: { version: true, policy: true, versionNumber: true, locale: true, summary: true, contentHash: true, frozenAt: true, text: true, html: true },
      pagination: false,
      depth: 0,
    }),
  ])
  const problems: string[] = []
  const recorded = new Map<string, { seq: number; record: Record<string, unknown> }>()
  for (const entry of entries) {
    const record = (JSON.parse(entry.body) as { record: Record<string, unknown> }).record
    const id = String(record.translation)
    if (recorded.has(id)) problems.push(`ledger entries ${recorded.get(id)!.seq} and ${entry.seq} both record translation id ${id}`)
    else recorded.set(id, { seq: entry.seq, record })
  }
  for (const t of translations) {
    const label = `the ${t.locale} translation of ${slugs.get(String(refId(t.policy))) ?? `policy ${refId(t.policy)}`} version ${t.versionNumber ?? '?'} (id ${t.id})`
    if (contentHash(t.text ?? '') !== t.contentHash) problems.push(`${label}: its text does not hash to its content hash ${String(t.contentHash).slice(0, 12)}…`)
    const entry = recorded.get(String(t.id))
    if (!entry) {
      problems.push(`${label} has no ledger entry: nothing binds its locale or text hash`)
      continue
    }
    recorded.delete(String(t.id))
    const stored = translationLedgerRecord({ id: t.id, version: refId(t.version) ?? '', policy: refId(t.policy) ?? '', versionNumber: t.versionNumber as number, locale: t.locale, contentHash: t.contentHash ?? '', frozenAt: t.frozenAt as string, summary: t.summary ?? null, htmlHash: t.html == null ? null : htmlHash(t.html) })
    const differing = translationDifferences(stored, entry.record).map(storedFieldOf)
    if (differing.length > 0) problems.push(`${label} differs from its ledger entry ${entry.seq} in: ${differing.join(', ')}`)
    tally('version-translations', translationUnbound(entry.record).map(storedFieldOf))
  }
  for (const [id, { seq, record }] of recorded) problems.push(`ledger entry ${seq} records the ${String(record.locale)} translation of version ${String(record.version)} (id ${id}), which is missing from the frozen translations`)
  return problems
}
