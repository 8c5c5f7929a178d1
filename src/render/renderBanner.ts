import Handlebars from 'handlebars'

import { bannerHtmlTemplate, bannerTextTemplate, type BannerWording } from '../domain/bannerDefaults'
import { longDate } from '../domain/locale/longDate'
import { matchLocale } from '../domain/locale/negotiateLocale'
import { textDirection } from '../domain/locale/textDirection'
import { bannerPhrases, type BannerPhrases } from '../domain/wording/bannerPhrases'
import { phrasesFor } from '../domain/wording/phrasesFor'
import { plainNumberFormat } from '../domain/locale/intlFormats'

/** One of several versions told of together. */
export interface BannerChange {
  version: number
  changeClass: string
  /** The day it takes effect, `YYYY-MM-DD`. */
  effectiveDate: string
  /** Not yet in force. */
  upcoming: boolean
  /** The version that replaced it before it took effect; null when none. */
  supersededBy: number | null
  summary: string
  versionUrl: string
}

/** What the banner templates are given for each owed policy. */
export interface BannerItem {
  policyTitle: string
  version: number
  action: 'accept' | 'acknowledge'
  summary: string
  /** The locale of `summary` and the linked text; absent: the banner's own. */
  locale?: string
  /** The day it takes effect, `YYYY-MM-DD`. */
  effectiveDate: string
  upcoming: boolean
  /** Whether the subject accepted an earlier version to compare with. */
  hasPrevious: boolean
  /** The last version the subject accepted; null when none. */
  since: number | null
  /** Every version since `since` up to `version`, oldest first, when there are several
   * (empty when the owed version is the only change). */
  changes: BannerChange[]
  redlineUrl: string
  versionUrl: string
}

/** An admin's wording for one locale; empty fields keep Assent's. */
type WordingFields = Partial<Record<keyof BannerWording, string | null>>

/** The admin's "Login banner" settings: the wording in the site's default locale, and in others. */
export type BannerSettings = WordingFields & { translations?: (WordingFields & { locale?: string | null })[] | null }

/** The language a banner speaks. */
export interface BannerLanguage {
  /** The locale of its wording: the subject's where the site offers it, else the default. */
  locale: string
  /** The site's default locale, whose wording is the settings' own fields. */
  defaultLocale?: string
  /** The subject's language is not offered: the banner says so. */
  fallback?: boolean
}

/** A rendered banner, and what the embed script needs to show it in the same language. */
export interface RenderedBanner {
  html: string
  text: string
  lang: string
  dir: 'ltr' | 'rtl'
  buttons: BannerPhrases['buttons']
}

// Compiled once from Assent's own source; staff-edited wording is only ever a value.
const hbs = Handlebars.create()
const html = hbs.compile(bannerHtmlTemplate, { strict: false, knownHelpersOnly: true })
// The text banner is plain text: nothing to escape.
const text = hbs.compile(bannerTextTemplate, { strict: false, knownHelpersOnly: true, noEscape: true })

/** The wording for `locale`: the admin's for it where set, Assent's elsewhere. */
function wordingFrom(settings: BannerSettings | undefined, language: BannerLanguage, defaults: BannerWording): BannerWording {
  const entries = (settings?.translations ?? []).filter((t) => t.locale)
  const ownLocale = matchLocale(language.locale, entries.map((t) => t.locale!))
  const own = entries.find((t) => t.locale === ownLocale) ?? (language.locale === (language.defaultLocale ?? language.locale) ? settings : undefined)
  const wording = { ...defaults }
  for (const key of Object.keys(wording) as (keyof BannerWording)[]) {
    const value = own?.[key]?.trim()
    if (value) wording[key] = value
  }
  return wording
}

/** What the layout shows of one owed policy, worded and dated for the banner's locale. */
function itemView(item: BannerItem, locale: string, p: BannerPhrases, number: (n: number) => string) {
  const date = (day: string) => longDate(day, p.format)
  const textLang = item.locale && item.locale !== locale ? item.locale : undefined
  return {
    ...item,
    textLang,
    textDir: textLang && textDirection(textLang),
    textNote: textLang ? p.notInYourLanguage : undefined,
    detail: p.version(number(item.version)) + (item.upcoming ? p.comma + p.takesEffectOn(date(item.effectiveDate)) : ''),
    versionsSince: item.changes.length > 0 ? p.versionsSince(item.changes.length, number(item.since ?? 0), number) : '',
    changes: item.changes.map((c) => ({
      ...c,
      heading: p.versionHeading(number(c.version)),
      detail:
        (p.changeClass[c.changeClass as keyof BannerPhrases['changeClass']] ?? c.changeClass) +
        p.comma +
        (c.supersededBy ? p.replacedBy(number(c.supersededBy)) : c.upcoming ? p.takesEffectOn(date(c.effectiveDate)) : p.effective(date(c.effectiveDate))),
    })),
  }
}

/**
 * The login banner for what a subject owes, in HTML and text, in `language`: the admin's wording
 * for that locale (`settings`) or Assent's, Assent's phrases and dates for that locale.
 */
export function renderBanner(settings: BannerSettings | undefined, items: BannerItem[], language: BannerLanguage = { locale: 'en' }): RenderedBanner {
  const { phrases: p } = phrasesFor(bannerPhrases, language.locale)
  const numbers = plainNumberFormat(p.format)
  const number = (n: number) => numbers.format(n)
  const accepting = items.filter((i) => i.action === 'accept')
  const dir = textDirection(language.locale)
  const context = {
    lang: language.locale,
    dir,
    notInYourLanguage: language.fallback ? p.notInYourLanguage : undefined,
    items: items.map((i) => itemView(i, language.locale, p, number)),
    accepting: accepting.map((a, index) => ({ ...a, separator: index === 0 ? '' : index === accepting.length - 1 ? p.and : p.comma })),
    mustAccept: accepting.length > 0,
    wording: wordingFrom(settings, language, p.wording),
  }
  return { html: html(context), text: text(context).trim(), lang: language.locale, dir, buttons: p.buttons }
}
