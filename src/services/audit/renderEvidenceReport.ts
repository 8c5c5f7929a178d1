import { readFileSync } from 'node:fs'

import Handlebars from 'handlebars'

import type { EvidenceDocument } from '../../domain/evidencePack'

const template = Handlebars.create().compile(readFileSync(new URL('../../views/evidence-report.hbs', import.meta.url), 'utf8'), { knownHelpersOnly: true })

/** The human-readable report of an evidence pack (printable to PDF); values are escaped. */
export function renderEvidenceReport(doc: EvidenceDocument): string {
  const subjectLabel = doc.subject.externalId ?? `erased subject #${doc.subject.id}`
  return template({ ...doc, subjectLabel, erasedAt: doc.subject.erasedAt })
}
