import { textInLocale } from '../../domain/locale/textInLocale'
import type { PublishedVersion } from '../../store/policies'
import { versionTexts } from '../locales/versionTexts'

/** `version` with its summary in `locale` where it has a text there, else its own; `summaryLang`
 * names the summary's locale when it is not `locale` (for a `lang` attribute). */
export function localizedSummary<V extends PublishedVersion>(version: V, locale: string, defaultLocale: string): V & { summary: string; summaryLang?: string } {
  const chosen = textInLocale(versionTexts(version, defaultLocale), locale)
  return { ...version, summary: chosen.summary, ...(chosen.locale !== locale ? { summaryLang: chosen.locale } : {}) }
}
