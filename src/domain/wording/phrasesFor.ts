import { languageOf } from '../locale/localeTag'

/**
 * Assent's own phrases for `locale` from a table by language: the locale's language if Assent
 * speaks it, else English. Returns which language was used, so a caller can tell readers when it
 * is not theirs.
 */
export function phrasesFor<T>(table: Readonly<Record<string, T>> & { en: T }, locale: string): { language: string; phrases: T } {
  const language = languageOf(locale)
  return Object.hasOwn(table, language) ? { language, phrases: table[language] } : { language: 'en', phrases: table.en }
}
