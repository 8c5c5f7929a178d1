import type { FrozenVersion } from '../../store/policies'
import type { LocalizedText } from './localizedVersion'
import { toPublishedVersionView, type PublishedVersionView } from './publishedVersionView'
import type { LocaleView } from './versionViews'

/** A published version in one locale, as the JSON API shows it: the text, HTML, summary and
 * content hash are that locale's. */
export interface LocalizedVersionView extends PublishedVersionView {
  locale: string
  /** The locale asked for was not available: this is the text the version was published with. */
  localeFallback: boolean
  locales: LocaleView[]
}

export const toLocalizedVersionView = (slug: string, version: FrozenVersion, shown: LocalizedText, locales: LocaleView[]): LocalizedVersionView => ({
  ...toPublishedVersionView(slug, version),
  summary: shown.summary,
  contentHash: shown.contentHash,
  text: shown.text,
  html: shown.html ?? '',
  locale: shown.locale,
  localeFallback: shown.fallback,
  locales,
})
