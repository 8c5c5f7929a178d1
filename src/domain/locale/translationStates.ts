/** A translation of a version as the editors' panel sees it. */
export interface TranslationFacts {
  id: number | string
  locale: string
  /** Marked ready ("Publish" in the admin). */
  ready: boolean
  /** Frozen: with its version's publication, or when added to a published version. */
  frozen: boolean
  /** Content hash of its canonical text; null while it has no text. */
  textHash: string | null
}

/** Where a locale of a version stands: its own language, a translation frozen, ready or in
 * draft, or missing. `unchangedSince`: the translation's text is still the one the previous
 * published version has in that locale (translated from the old text, not the new). */
export interface LocaleState {
  locale: string
  state: 'own' | 'frozen' | 'ready' | 'draft' | 'missing'
  translationId?: number | string
  unchangedSince?: number
  /** The site no longer offers it (a translation from before). */
  notOffered?: boolean
}

/**
 * Every offered locale of a version, in the site's order, with its state; then any translation
 * in a locale no longer offered. `previous`: the version published before it, with the content
 * hash of its text in each locale (its own and its frozen translations').
 */
export function translationStates(input: {
  offered: readonly string[]
  ownLocale: string
  translations: readonly TranslationFacts[]
  previous?: { version: number; hashes: Readonly<Record<string, string>> }
}): LocaleState[] {
  const { offered, ownLocale, translations, previous } = input
  const byLocale = new Map(translations.map((t) => [t.locale, t]))
  const stateOf = (locale: string): LocaleState => {
    if (locale === ownLocale) return { locale, state: 'own' }
    const t = byLocale.get(locale)
    if (!t) return { locale, state: 'missing' }
    const state: LocaleState = { locale, state: t.frozen ? 'frozen' : t.ready ? 'ready' : 'draft', translationId: t.id }
    const before = previous?.hashes[locale]
    if (previous && t.textHash && before === t.textHash) state.unchangedSince = previous.version
    return state
  }
  const locales = [ownLocale, ...offered.filter((l) => l !== ownLocale)]
  const stray = translations.map((t) => t.locale).filter((l) => !locales.includes(l))
  return [...locales.map(stateOf), ...stray.map((l) => ({ ...stateOf(l), notOffered: true }))]
}

/** What the publish dialog warns about, per locale: texts that will be missing at publication
 * (they can be added later), and translations still carrying the previous version's text. */
export function publicationWarnings(states: readonly LocaleState[]): { missing: string[]; unchanged: { locale: string; since: number }[] } {
  return {
    missing: states.filter((s) => !s.notOffered && (s.state === 'missing' || s.state === 'draft')).map((s) => s.locale),
    unchanged: states.filter((s) => s.unchangedSince !== undefined && s.state !== 'frozen').map((s) => ({ locale: s.locale, since: s.unchangedSince! })),
  }
}
