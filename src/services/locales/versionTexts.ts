import type { VersionTexts } from '../../domain/locale/textInLocale'
import type { PublishedVersion } from '../../store/policies'

/** A published version's texts to choose among: its own (in its locale, or the site's default for
 * one published before versions had a locale) and its frozen translations. */
export const versionTexts = (version: Pick<PublishedVersion, 'locale' | 'contentHash' | 'summary' | 'translations'>, defaultLocale: string): VersionTexts => ({
  locale: version.locale ?? defaultLocale,
  contentHash: version.contentHash,
  summary: version.summary,
  translations: version.translations,
})
