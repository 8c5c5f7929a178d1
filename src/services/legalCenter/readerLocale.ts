import { languageName } from '../../domain/locale/languageName'
import { languageOf } from '../../domain/locale/localeTag'
import { matchLocale, negotiateLocale } from '../../domain/locale/negotiateLocale'
import type { SiteLanguageSettings } from '../locales/siteLanguages'

/** The locale a Legal Center reader is served in, among the site's. */
export interface ReaderLocale {
  /** An offered locale: the one asked for, else the reader's Accept-Language, else the default. */
  locale: string
  /** The site's locales, default first. */
  offered: string[]
  defaultLocale: string
  /** The locale the page's links carry as `?lang=`, so that the reader stays in it: the one
   * asked for, or one other than the default; undefined when negotiation alone gives it. */
  linkLang?: string
  /** The language (`de` of `de-AT`) asked for with `?lang=` when the site does not offer it:
   * pages say it is not available rather than switch language silently. */
  missing?: string
}

/** The reader's locale among the site's `languages`, from `?lang=` (`asked`) and their
 * Accept-Language header. */
export function readerLocale({ locales, defaultLocale }: SiteLanguageSettings, asked: string | undefined, acceptLanguage: string | undefined): ReaderLocale {
  const locale = negotiateLocale(asked, acceptLanguage, locales, defaultLocale)
  const linkLang = matchLocale(asked, locales) || locale !== defaultLocale ? locale : undefined
  // Only a language with a known name, by its language alone: a page is cached per value, and
  // made-up tags must not multiply the cached copies.
  const missing = asked && !matchLocale(asked, locales) && languageName(languageOf(asked), 'en') !== languageOf(asked) ? languageOf(asked) : undefined
  return { locale, offered: locales, defaultLocale, ...(linkLang ? { linkLang } : {}), ...(missing ? { missing } : {}) }
}
