import { isLocaleTag, languageOf } from './localeTag'

/** The offered locale that best matches `wanted`: the same tag, else the same language. */
export function matchLocale(wanted: string | null | undefined, offered: readonly string[]): string | undefined {
  if (!wanted) return undefined
  const lower = wanted.toLowerCase()
  const exact = offered.find((o) => o.toLowerCase() === lower)
  if (exact) return exact
  const language = languageOf(lower)
  return offered.find((o) => o.toLowerCase() === language) ?? offered.find((o) => languageOf(o) === language)
}

/** The tags of an Accept-Language header, best first (quality, then order); `*` and malformed
 * entries are skipped. */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return []
  return header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim().match(/^q=([01](?:\.\d{0,3})?)$/)).find(Boolean)
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, index }
    })
    .filter((t) => t.q > 0 && isLocaleTag(t.tag.replace(/^[A-Z]+/, (m) => m.toLowerCase())))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((t) => t.tag)
}

/**
 * The locale a page is shown in: the one asked for explicitly (`?lang=` or the path), else the
 * first of the reader's Accept-Language the site offers, else the default.
 */
export function negotiateLocale(asked: string | undefined, acceptLanguage: string | undefined, offered: readonly string[], defaultLocale: string): string {
  const explicit = matchLocale(asked, offered)
  if (explicit) return explicit
  for (const tag of acceptedLanguages(acceptLanguage)) {
    const match = matchLocale(tag, offered)
    if (match) return match
  }
  return defaultLocale
}
