import { createHash } from 'node:crypto'

import canonicalize from 'canonicalize'

import type { EvidenceAcceptance, EvidenceNotice } from './evidencePack'
import { compareWithLedger, noticeSkips } from './ledgerBindings'
import { noticeLedgerRecord } from './ledgerRecords'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** Record keys an evidence pack states differently (slugs and numbers, not database ids); the
 * subject is checked on every entry, and the version by its number. */
const IDS = ['subject', 'policy', 'version']

/** An acceptance as the pack states it, in the shape of its ledger record. */
function acceptanceAsRecorded(a: EvidenceAcceptance, erased: boolean): Record<string, unknown> {
  return {
    acceptance: a.id,
    versionNumber: a.version,
    contentHash: a.contentHash,
    method: a.method,
    source: a.source,
    acceptedAt: a.acceptedAt,
    ...(erased ? {} : { contextHash: sha256(canonicalize({ ip: a.ip, userAgent: a.userAgent, locale: a.locale }) ?? '') }),
    notices: (a.notices ?? []).map((n) => n.id),
    ...(a.covers?.length ? { covers: a.covers } : {}),
  }
}

/**
 * Compares each acceptance and notice the pack states with the ledger entry that binds it (a
 * notice with its last entry), field by field, naming each differing field, and gathers the fields
 * older entries leave unbound. IP, user agent and locale are left out once the subject was erased,
 * and so are a notice's address and SMTP reply.
 */
export function checkPackRecords(
  acceptances: readonly EvidenceAcceptance[],
  notices: readonly EvidenceNotice[],
  recorded: { acceptances: Map<string, Record<string, unknown>>; notices: Map<string, Record<string, unknown>[]> },
  erased: boolean,
): { problems: string[]; unbound: string[] } {
  const problems: string[] = []
  const unbound = new Set<string>()
  for (const a of acceptances) {
    const record = recorded.acceptances.get(String(a.id))
    if (!record) continue
    const skip = [...IDS, ...(erased ? ['contextHash'] : [])]
    const { differing } = compareWithLedger(acceptanceAsRecorded(a, erased), record, skip)
    if (differing.length > 0) problems.push(`acceptance ${a.id} (${a.policy} version ${a.version}) does not match its ledger entry in: ${differing.join(', ')}`)
  }
  for (const n of notices) {
    const last = recorded.notices.get(String(n.id))?.at(-1)
    if (!last) continue
    const actual = noticeLedgerRecord({ ...n, subject: 0, version: 0, versionNumber: n.version })
    const { differing, unbound: notBound } = compareWithLedger(actual, last, [...IDS, ...noticeSkips(n, erased)])
    if (differing.length > 0) problems.push(`notice ${n.id} (${n.policy} version ${n.version}, ${n.channel}) does not match its last ledger entry in: ${differing.join(', ')}`)
    for (const field of notBound) unbound.add(`notices.${field}`)
  }
  // Publication gives every subject a banner notice, and an email one with an address: an email
  // notice without its banner means the banner notice was taken out.
  const banners = new Set(notices.filter((n) => n.channel === 'banner').map((n) => `${n.policy} ${n.version}`))
  for (const n of notices) {
    if (n.channel === 'email' && !banners.has(`${n.policy} ${n.version}`)) problems.push(`${n.policy} version ${n.version}: the pack has the email notice ${n.id} but no banner notice, which publication creates with it: a notice was removed`)
  }
  return { problems, unbound: [...unbound] }
}
