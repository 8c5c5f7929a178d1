import { legalLinks } from '../domain/legalLinks'
import { longDate } from '../domain/locale/longDate'
import { matchLocale } from '../domain/locale/negotiateLocale'
import type { NoticeChanges } from '../domain/noticeChanges'
import { supersededBeforeEffect } from '../domain/supersededBeforeEffect'
import type { AcceptanceMode } from '../domain/versionRules'
import { noticePhrases } from '../domain/wording/noticePhrases'
import { phrasesFor } from '../domain/wording/phrasesFor'
import type { ChangeNoticeContext } from '../render/renderChangeNotice'
import { plainNumberFormat } from '../domain/locale/intlFormats'

/** One published version as notices present it. */
export interface AnnouncedChange {
  version: number
  changeClass: 'editorial' | 'informational' | 'material'
  /** The summary of the text it was published with. */
  summary: string
  /** The locale of that text (absent: the site's default). */
  locale?: string | null
  /** The summaries of its frozen translations: what a reader of another locale is told. */
  translations?: readonly { locale: string; summary: string }[]
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

/** The locales a site offers, its default first. */
export interface NoticeLanguages {
  locales: readonly string[]
  defaultLocale: string
}

const ENGLISH_ONLY: NoticeLanguages = { locales: ['en'], defaultLocale: 'en' }

/** The summary of `change` in `locale`, and the locale it is really in. */
function summaryIn(change: AnnouncedChange, locale: string, defaultLocale: string): { summary: string; locale: string } {
  const own = { summary: change.summary, locale: change.locale ?? defaultLocale }
  const texts = [own, ...(change.translations ?? [])]
  const match = matchLocale(locale, texts.map((t) => t.locale))
  return texts.find((t) => t.locale === match) ?? own
}

/**
 * The template context of one change notice, in the subject's locale where the site offers it
 * (else the site's default, and the notice says so): its wording, dates, summaries (the frozen
 * translation's) and Legal Center links (`?lang=` when not the default).
 * `told` (from `noticeChanges`) is what this subject
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
  languages: NoticeLanguages = ENGLISH_ONLY,
): ChangeNoticeContext {
  const offered = matchLocale(subject.locale, languages.locales)
  const locale = offered ?? languages.defaultLocale
  const { phrases } = phrasesFor(noticePhrases, locale)
  const date = (d: Date) => longDate(d, phrases.format)
  const numbers = plainNumberFormat(phrases.format)
  const lang = locale === languages.defaultLocale ? undefined : locale
  const since = told ? told.since : facts.version > 1 ? facts.version - 1 : null
  const links = legalLinks(publicUrl, encodeURIComponent(facts.policySlug), facts.version, since, lang)
  const changes = told?.changes ?? [facts]
  const history = facts.history ?? changes
  const shown = summaryIn(facts, locale, languages.defaultLocale)
  return {
    siteName,
    locale,
    textLocale: shown.locale === locale ? null : shown.locale,
    fallback: (!offered && !!subject.locale) || shown.locale !== locale,
    name: subject.name || null,
    policyTitle: facts.policyTitle,
    version: facts.version,
    summary: shown.summary,
    effectiveDate: date(facts.effectiveAt),
    redlineUrl: links.changesUrl,
    versionUrl: links.versionUrl,
    mustAccept: told ? told.mustAccept : facts.changeClass === 'material' && facts.acceptanceMode === 'clickwrap',
    since,
    changes: changes.map((c) => ({
      version: c.version,
      changeClass: c.changeClass,
      effectiveDate: date(c.effectiveAt),
      summary: summaryIn(c, locale, languages.defaultLocale).summary,
      supersededBy: supersededBeforeEffect(history, c)?.version ?? null,
    })),
    cumulative: changes.length > 1,
    missed: told && told.missed.length > 0 ? { versions: phrases.versionList(told.missed.map((v) => numbers.format(v))), plural: told.missed.length > 1 } : null,
  }
}
