import type { Payload, TypedUser } from 'payload'

import { contentHash } from '../../domain/contentHash'
import { publicationWarnings, translationStates, type LocaleState } from '../../domain/locale/translationStates'
import type { PolicyVersion, VersionTranslation } from '../../payload-types'
import { siteLanguages } from '../locales/siteLanguages'
import { findDraft } from './findDraft'
import { latestPublished } from './latestPublished'
import { draftText } from './draftText'

/** A version's locales as the editors' panel and the publish dialog show them. */
export interface VersionTranslationsView {
  /** The version's own language. */
  locale: string
  /** The version published before it, compared with for "unchanged". */
  previous: number | null
  locales: LocaleState[]
  warnings: ReturnType<typeof publicationWarnings>
}

/** A version's translations, latest drafts included, oldest first. */
export async function translationsOf(payload: Payload, versionId: PolicyVersion['id'], draft: boolean): Promise<VersionTranslation[]> {
  const { docs } = await payload.find({ collection: 'version-translations', where: { version: { equals: versionId } }, draft, depth: 0, pagination: false, sort: 'locale' })
  return docs
}

/** The content hash of a translation's text: frozen, or of its draft as it would freeze. */
async function hashOf(payload: Payload, t: VersionTranslation): Promise<string | null> {
  if (t.contentHash) return t.contentHash
  if (!t.body) return null
  const text = await draftText(payload.config, t.body)
  return text ? contentHash(text) : null
}

/** The texts of a published version by locale: its own and its frozen translations'. */
export async function publishedTextsByLocale(payload: Payload, version: PolicyVersion, defaultLocale: string): Promise<Map<string, { hash: string; text: string }>> {
  const texts = new Map<string, { hash: string; text: string }>([[version.locale ?? defaultLocale, { hash: version.contentHash ?? '', text: version.text ?? '' }]])
  for (const t of await translationsOf(payload, version.id, false)) {
    if (t.frozenAt && t.contentHash) texts.set(t.locale, { hash: t.contentHash, text: t.text ?? '' })
  }
  return texts
}

/**
 * Where each offered locale of version `id` stands, as `user` may see it (staff): its own
 * language, a translation frozen, ready or in draft, or missing, and which still carry the
 * previous version's text; with the warnings the publish dialog gives.
 */
export async function versionTranslations(payload: Payload, user: TypedUser, id: string): Promise<VersionTranslationsView> {
  const { version, policy } = await findDraft(payload, user, id)
  const languages = await siteLanguages(payload)
  const ownLocale = version.locale ?? languages.defaultLocale
  const docs = await translationsOf(payload, version.id, true)
  const translations = await Promise.all(
    docs.map(async (t) => ({ id: t.id, locale: t.locale, ready: t._status === 'published', frozen: Boolean(t.frozenAt), textHash: await hashOf(payload, t) })),
  )
  const base = await latestPublished(payload, policy.id, version.version ?? undefined)
  const previous = base ? { version: base.version as number, hashes: Object.fromEntries([...(await publishedTextsByLocale(payload, base, languages.defaultLocale))].map(([l, t]) => [l, t.hash])) } : undefined
  const locales = translationStates({ offered: languages.locales, ownLocale, translations, previous })
  return { locale: ownLocale, previous: previous?.version ?? null, locales, warnings: publicationWarnings(locales) }
}
