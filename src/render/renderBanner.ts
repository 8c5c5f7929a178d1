import Handlebars from 'handlebars'

import { bannerHtmlTemplate, bannerTextTemplate, defaultBannerWording, type BannerWording } from '../domain/bannerDefaults'

/** One of several versions told of together. */
export interface BannerChange {
  version: number
  changeClass: string
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

// Compiled once from Assent's own source; staff-edited wording is only ever a value.
const hbs = Handlebars.create()
const html = hbs.compile(bannerHtmlTemplate, { strict: false, knownHelpersOnly: true })
// The text banner is plain text: nothing to escape.
const text = hbs.compile(bannerTextTemplate, { strict: false, knownHelpersOnly: true, noEscape: true })

/** The wording to use: the admin's where set, Assent's own elsewhere. */
function wordingFrom(settings: Partial<Record<keyof BannerWording, string | null>> | undefined): BannerWording {
  const wording = { ...defaultBannerWording }
  for (const key of Object.keys(wording) as (keyof BannerWording)[]) {
    const value = settings?.[key]?.trim()
    if (value) wording[key] = value
  }
  return wording
}

/** The login banner for what a subject owes, in HTML and text, in the admin's wording
 * (`settings`) or the defaults. */
export function renderBanner(settings: Partial<Record<keyof BannerWording, string | null>> | undefined, items: BannerItem[]): { html: string; text: string } {
  const accepting = items.filter((i) => i.action === 'accept')
  const context = { items, accepting, mustAccept: accepting.length > 0, wording: wordingFrom(settings) }
  return { html: html(context), text: text(context).trim() }
}
