import type { Payload } from 'payload'

import { textInLocale } from '../../domain/locale/textInLocale'
import { policiesStore, type FrozenVersion, type PublishedVersion } from '../../store/policies'
import { versionTexts } from '../locales/versionTexts'

/** One frozen text of a version as readers may pick it. */
export interface AvailableText {
  locale: string
  contentHash: string
  summary: string
  /** When it was frozen: the version's publication, or later for a translation added later. */
  addedAt: Date
  /** Whether it is a translation (not the text the version was published with). */
  translation: boolean
}

/** Every frozen text of `version`: the one it was published with first, then its translations. */
export function availableTexts(version: Pick<PublishedVersion, 'locale' | 'contentHash' | 'summary' | 'publishedAt' | 'translations'>, defaultLocale: string): AvailableText[] {
  return [
    { locale: version.locale ?? defaultLocale, contentHash: version.contentHash, summary: version.summary, addedAt: version.publishedAt, translation: false },
    ...version.translations.map((t) => ({ locale: t.locale, contentHash: t.contentHash, summary: t.summary, addedAt: t.addedAt, translation: true })),
  ]
}

/** A published version's text in one locale, as a reader is shown it. */
export interface LocalizedText {
  locale: string
  text: string
  html?: string
  summary: string
  contentHash: string
  /** The locale wanted was not available: this is the text the version was published with. */
  fallback: boolean
  translation: boolean
  /** When this text was frozen (a translation's may be later than the version's publication). */
  addedAt: Date
  /** Whether it was added after the version was published. */
  addedLater: boolean
}

/**
 * The text of published version `version` (`frozen` holds its own text) in locale `wanted`: its
 * frozen translation there when it has one, else its own text marked as a fallback.
 */
export async function localizedVersion(payload: Payload, version: PublishedVersion, frozen: FrozenVersion, wanted: string, defaultLocale: string, withHtml = true): Promise<LocalizedText> {
  const chosen = textInLocale(versionTexts(version, defaultLocale), wanted)
  const own = { locale: version.locale ?? defaultLocale, text: frozen.text ?? '', ...(withHtml ? { html: frozen.html ?? '' } : {}), summary: frozen.summary, contentHash: frozen.contentHash as string, fallback: chosen.fallback, translation: false, addedAt: version.publishedAt, addedLater: false }
  if (!chosen.translation) return own
  const translation = await policiesStore(payload).frozenTranslation(version.id, chosen.locale, withHtml)
  // Listed a moment ago; gone only if access changed in between: the version's own text then.
  if (!translation) return { ...own, fallback: true }
  return {
    locale: translation.locale,
    text: translation.text,
    ...(withHtml ? { html: translation.html ?? '' } : {}),
    summary: translation.summary,
    contentHash: translation.contentHash,
    fallback: false,
    translation: true,
    addedAt: translation.addedAt,
    addedLater: translation.addedAt.getTime() > version.publishedAt.getTime(),
  }
}
