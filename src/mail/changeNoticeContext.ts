import type { NoticeChanges } from '../domain/noticeChanges'
import { supersededBeforeEffect } from '../domain/supersededBeforeEffect'
import type { AcceptanceMode } from '../domain/versionRules'
import type { ChangeNoticeContext } from '../render/renderChangeNotice'

/** One published version as notices present it. */
export interface AnnouncedChange {
  version: number
  changeClass: 'editorial' | 'informational' | 'material'
  summary: string
  effectiveAt: Date
  /** The mode the version was published under (the policy's for one published before modes were frozen). */
  acceptanceMode: AcceptanceMode
}

/** What a notice says about the version it announces. */
export interface AnnouncedVersionFacts extends AnnouncedChange {
  policySlug: string
  policyTitle: string
  /** The policy's published versions up to and including this one, oldest first: what a notice
   * to a subject who skipped some of them presents. Absent, the version is presented alone. */
  history?: AnnouncedChange[]
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "version 2", "versions 2 and 3", "versions 2, 3 and 4". */
const versionList = (numbers: readonly number[]): string =>
  numbers.length === 1 ? `version ${numbers[0]}` : `versions ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`

/**
 * The template context of one change notice. `told` (from `noticeChanges`) is what this subject
 * is told: every version since the last one they accepted, the redline from that version to the
 * announced one (the announced version's page when they accepted none), whether any of them asks
 * for acceptance, and the earlier notices that never reached them. Without it the version is
 * presented alone against the previous one, as to a subject who accepted that: a material change
 * under clickwrap tells the subject they will be asked to accept.
 */
export function changeNoticeContext(
  facts: AnnouncedVersionFacts,
  subject: { name?: string | null; locale?: string | null },
  publicUrl: string,
  siteName: string,
  told?: NoticeChanges<AnnouncedChange>,
): ChangeNoticeContext {
  const base = `${publicUrl}/legal/${encodeURIComponent(facts.policySlug)}`
  const versionUrl = `${base}/versions/${facts.version}`
  const since = told ? told.since : facts.version > 1 ? facts.version - 1 : null
  const changes = told?.changes ?? [facts]
  const history = facts.history ?? changes
  return {
    siteName,
    locale: subject.locale || 'en',
    name: subject.name || null,
    policyTitle: facts.policyTitle,
    version: facts.version,
    summary: facts.summary,
    effectiveDate: longDate.format(facts.effectiveAt),
    redlineUrl: since ? `${base}/compare/${since}/${facts.version}` : versionUrl,
    versionUrl,
    mustAccept: told ? told.mustAccept : facts.changeClass === 'material' && facts.acceptanceMode === 'clickwrap',
    since,
    changes: changes.map((c) => ({
      version: c.version,
      changeClass: c.changeClass,
      effectiveDate: longDate.format(c.effectiveAt),
      summary: c.summary,
      supersededBy: supersededBeforeEffect(history, c)?.version ?? null,
    })),
    cumulative: changes.length > 1,
    missed: told && told.missed.length > 0 ? { versions: versionList(told.missed), plural: told.missed.length > 1 } : null,
  }
}
