import type { ImportRefusal } from './importRefusal'
import { isLocaleTag } from './locale/localeTag'

/** A file of an imported history that translates the same date's text. */
export interface TranslationFileFacts {
  name: string
  /** As written in its name or folder. */
  locale: string
  effectiveAt: Date
}

const day = (date: Date) => date.toISOString().slice(0, 10)

/**
 * Why an import refuses its translation files, before anything is written, naming every file of
 * the first problem found: a malformed locale, a locale the site does not offer (and how to offer
 * it), one that is the default locale's (that text is the file without a locale), a date with no
 * file in the default locale to translate, or two files translating one date into one locale.
 */
export function translationImportRefusal(plan: {
  translations: TranslationFileFacts[]
  /** The effective dates of the files in the default locale. */
  defaultDates: Date[]
  offered: readonly string[]
  defaultLocale: string
}): ImportRefusal | undefined {
  const { translations, offered, defaultLocale } = plan
  const names = (files: TranslationFileFacts[]) => files.map((f) => f.name)
  const malformed = translations.filter((t) => !isLocaleTag(t.locale))
  if (malformed.length > 0) {
    return {
      code: 'validation_failed',
      message: `${names(malformed).join(', ')}: ${malformed.map((t) => `"${t.locale}"`).join(', ')} is not a language tag; name a translation after its language, lowercase with optional subtags (2020-02-10.fr.md, 2020-02-10.pt-BR.md or a folder fr/).`,
      files: names(malformed),
    }
  }
  const own = translations.filter((t) => t.locale === defaultLocale)
  if (own.length > 0) {
    return {
      code: 'validation_failed',
      message: `${names(own).join(', ')}: ${defaultLocale} is the site's default language, whose text is the file without a language in its name; rename it so (2020-02-10.md).`,
      files: names(own),
    }
  }
  const notOffered = translations.filter((t) => !offered.includes(t.locale))
  if (notOffered.length > 0) {
    const locales = [...new Set(notOffered.map((t) => t.locale))]
    return {
      code: 'locale_not_offered',
      message: `${names(notOffered).join(', ')}: ${locales.join(', ')} ${locales.length === 1 ? 'is' : 'are'} not among the languages the site offers (${offered.join(', ')}); add ${locales.length === 1 ? 'it' : 'them'} under Legal documents → Languages in the admin (or LOCALES before the first start), then import again.`,
      files: names(notOffered),
    }
  }
  const dates = new Set(plan.defaultDates.map((d) => d.getTime()))
  const orphans = translations.filter((t) => !dates.has(t.effectiveAt.getTime()))
  if (orphans.length > 0) {
    return {
      code: 'validation_failed',
      message: `${names(orphans).join(', ')}: no file in the default language (${defaultLocale}) is effective on ${[...new Set(orphans.map((t) => day(t.effectiveAt)))].join(', ')}; a translation is imported with the text it translates (2020-02-10.md beside 2020-02-10.fr.md).`,
      files: names(orphans),
    }
  }
  const seen = new Map<string, TranslationFileFacts>()
  for (const t of translations) {
    const key = `${t.effectiveAt.getTime()}|${t.locale}`
    const first = seen.get(key)
    if (first) {
      return {
        code: 'validation_failed',
        message: `${first.name} and ${t.name} both translate the text of ${day(t.effectiveAt)} into ${t.locale}; keep one.`,
        files: [first.name, t.name],
      }
    }
    seen.set(key, t)
  }
  return undefined
}
