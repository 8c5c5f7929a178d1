import { languageName } from '../domain/locale/languageName'
import { textDirection } from '../domain/locale/textDirection'

/** What a Legal Center page says of its language: `<html lang dir>`, the hreflang alternates and
 * the language switcher. */
export interface LocaleChrome {
  lang: string
  dir: 'ltr' | 'rtl'
  /** `<link rel="alternate" hreflang>`: one per locale, and x-default (the negotiated page). */
  alternates: Array<{ hreflang: string; href: string }>
  /** The switcher: each locale by its own name, linking to this page in it. */
  languages: Array<{ locale: string; name: string; href: string; current: boolean; dir: 'ltr' | 'rtl' }>
}

/** The page at `path` with `query` in `locale` (absolute under `publicUrl`); without `lang` for
 * x-default. */
function pageIn(publicUrl: string, path: string, query: Record<string, string>, locale: string | undefined): string {
  const search = new URLSearchParams({ ...query, ...(locale ? { lang: locale } : {}) }).toString()
  return `${publicUrl}${path}${search ? `?${search}` : ''}`
}

/**
 * The language chrome of the page at `path` shown in `shown`, which exists in the locales
 * `available` (the switcher offers only those: no link leads to a fallback). `query` holds the
 * page's other parameters its links keep; the path and query come from what the page shows, never
 * from the request as sent, since a cached page is served for every spelling of its address.
 */
export function localeChrome(publicUrl: string, path: string, shown: string, available: readonly string[], query: Record<string, string> = {}): LocaleChrome {
  const locales = available.includes(shown) ? available : [shown, ...available]
  return {
    lang: shown,
    dir: textDirection(shown),
    alternates: locales.length > 1 ? [...locales.map((l) => ({ hreflang: l, href: pageIn(publicUrl, path, query, l) })), { hreflang: 'x-default', href: pageIn(publicUrl, path, query, undefined) }] : [],
    languages: locales.length > 1 ? locales.map((l) => ({ locale: l, name: languageName(l), href: pageIn('', path, query, l), current: l === shown, dir: textDirection(l) })) : [],
  }
}
