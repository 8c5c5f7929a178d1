import type { ChangeNoticeContext } from './renderChangeNotice'

/** What a notice says about the version it announces. */
export interface AnnouncedVersionFacts {
  policySlug: string
  policyTitle: string
  acceptanceMode: 'clickwrap' | 'continued-use'
  version: number
  changeClass: 'editorial' | 'informational' | 'material'
  summary: string
  effectiveAt: Date
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/**
 * The template context of one change notice: links to the redline against the previous version
 * (the version itself when it is the first) and to the new text; a material change under
 * clickwrap tells the subject they will be asked to accept.
 */
export function changeNoticeContext(
  facts: AnnouncedVersionFacts,
  subject: { name?: string | null; locale?: string | null },
  publicUrl: string,
  siteName: string,
): ChangeNoticeContext {
  const base = `${publicUrl}/legal/${encodeURIComponent(facts.policySlug)}`
  const versionUrl = `${base}/versions/${facts.version}`
  return {
    siteName,
    locale: subject.locale || 'en',
    name: subject.name || null,
    policyTitle: facts.policyTitle,
    version: facts.version,
    summary: facts.summary,
    effectiveDate: longDate.format(facts.effectiveAt),
    redlineUrl: facts.version > 1 ? `${base}/compare/${facts.version - 1}/${facts.version}` : versionUrl,
    versionUrl,
    mustAccept: facts.changeClass === 'material' && facts.acceptanceMode === 'clickwrap',
  }
}
