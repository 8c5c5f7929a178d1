import { matchLocale } from './negotiateLocale'

/** One frozen text of a version: the one it was published with, or a translation added to it. */
export interface LocaleText {
  locale: string
  contentHash: string
  summary: string
  /** When a translation was frozen; absent for the text the version was published with. */
  addedAt?: Date
}

/** A version's texts as readers choose among them. */
export interface VersionTexts {
  /** The locale of the text published with the version. */
  locale: string
  contentHash: string
  summary: string
  translations: readonly LocaleText[]
}

/** The text a reader in `wanted` is shown, and whether it is another locale's (a fallback). */
export interface ChosenText extends LocaleText {
  fallback: boolean
  /** Whether it is a translation added after publication. */
  translation: boolean
}

/**
 * The text of `version` for a reader in `wanted`: the text in that locale (or its language) if
 * the version has one, else the text it was published with, marked as a fallback.
 */
export function textInLocale(version: VersionTexts, wanted: string | null | undefined): ChosenText {
  const own: LocaleText = { locale: version.locale, contentHash: version.contentHash, summary: version.summary }
  const all = [own, ...version.translations]
  const locale = matchLocale(wanted, all.map((t) => t.locale))
  const chosen = all.find((t) => t.locale === locale) ?? own
  return { ...chosen, fallback: wanted != null && wanted !== '' && chosen.locale !== locale, translation: chosen !== own }
}

/** The text of `version` whose content hash is `hash`, if any: what a reader was shown. */
export const textWithHash = (version: VersionTexts, hash: string): LocaleText | undefined =>
  hash === version.contentHash ? { locale: version.locale, contentHash: version.contentHash, summary: version.summary } : version.translations.find((t) => t.contentHash === hash)
