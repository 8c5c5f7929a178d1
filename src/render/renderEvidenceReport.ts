import { readFileSync } from 'node:fs'

import Handlebars from 'handlebars'

import type { EvidenceAcceptance, EvidenceDocument, EvidenceVersion } from '../domain/evidencePack'

const template = Handlebars.create().compile(readFileSync(new URL('../views/evidence-report.hbs', import.meta.url), 'utf8'), { knownHelpersOnly: true })

/** "2", "2 and 3", "1, 2 and 3". */
const numbers = (list: readonly number[]): string => (list.length === 1 ? String(list[0]) : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`)

/** Where the subject stands on one version of the pack: accepted, owed now, or only noticed. */
function standingOf(doc: EvidenceDocument, v: EvidenceVersion): string {
  const accepted = doc.acceptances.some((a) => a.policy === v.policy && a.version === v.version)
  const owed = doc.owed?.find((o) => o.policy === v.policy && o.changes.includes(v.version))
  if (accepted) return 'accepted'
  if (owed) return owed.version === v.version ? `owed: to ${owed.action}` : `owed: part of version ${owed.version}`
  return doc.notices.some((n) => n.policy === v.policy && n.version === v.version) ? 'noticed' : ''
}

/** The versions an acceptance covers, said so when the pack derived them rather than read them. */
function coversOf(a: EvidenceAcceptance): string | null {
  if (a.covers?.length) return `covers ${a.covers.length === 1 ? 'version' : 'versions'} ${numbers(a.covers)}`
  if (a.coversDerived?.length) return `covers ${a.coversDerived.length === 1 ? 'version' : 'versions'} ${numbers(a.coversDerived)} (derived: recorded before acceptances said so)`
  return null
}

/** The human-readable report of an evidence pack (printable to PDF); values are escaped. */
export function renderEvidenceReport(doc: EvidenceDocument): string {
  const subjectLabel = doc.subject.externalId ?? `erased subject #${doc.subject.id}`
  const titleOf = (slug: string) => doc.versions.find((v) => v.policy === slug)?.policyTitle ?? slug
  return template({
    ...doc,
    subjectLabel,
    erasedAt: doc.subject.erasedAt,
    acceptances: doc.acceptances.map((a) => ({ ...a, coversLabel: coversOf(a) })),
    versions: doc.versions.map((v) => ({ ...v, standing: standingOf(doc, v) })),
    owed: (doc.owed ?? []).map((o) => ({
      ...o,
      policyTitle: titleOf(o.policy),
      changesLabel: `${o.changes.length === 1 ? 'version' : 'versions'} ${numbers(o.changes)}`,
    })),
    owedKnown: doc.owed !== undefined,
  })
}
