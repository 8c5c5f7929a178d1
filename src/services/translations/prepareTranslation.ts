import type { PayloadRequest } from 'payload'

import { isLocaleTag } from '../../domain/locale/localeTag'
import { refId, type Ref } from '../../domain/refId'
import { AssentError } from '../../errors/AssentError'
import { siteLanguages } from '../locales/siteLanguages'
import { PUBLISHED_WITH_CONTEXT } from './freezeReadyTranslations'
import { frozenText } from '../publishing/frozenText'

/** The fields of a translation being saved as ready, as the collection hook sees them. */
export interface TranslationDraft {
  id?: number | string
  version?: Ref | null
  locale?: string | null
  summary?: string | null
  body?: unknown
}

/** What a ready translation takes from its version, and, once that version is published, the
 * frozen text, HTML and content hash. */
export interface PreparedTranslation {
  policy: number | string
  versionNumber: number | null
  text?: string
  html?: string
  contentHash?: string
  frozenAt?: string
  frozenBy?: number | string | null
}

/**
 * Checks a translation marked ready (`_status: 'published'`): its version exists, its locale is
 * offered, is not the version's own and has no other translation of that version, and its summary
 * and text are there. When the version is published, freezes the text now: a translation added
 * to a published version is frozen (and recorded in the ledger) the moment it is added.
 */
export async function prepareTranslation(req: PayloadRequest, draft: TranslationDraft): Promise<PreparedTranslation> {
  const versionId = refId(draft.version)
  if (versionId == null) throw new AssentError('validation_failed', 'A translation needs the version it translates.', { fields: ['version'] })
  const version = await req.payload.findByID({ collection: 'policy-versions', id: versionId, depth: 0, req, disableErrors: true, select: { policy: true, version: true, locale: true, publishedAt: true } })
  if (!version) throw new AssentError('version_not_found', `No policy version with id ${versionId}.`)
  const languages = await siteLanguages(req.payload, req)
  const locale = draft.locale ?? ''
  if (!isLocaleTag(locale) || !languages.locales.includes(locale)) {
    throw new AssentError('locale_not_offered', `"${locale}" is not one of the languages offered (${languages.locales.join(', ')}): add it under Languages first.`, { fields: ['locale'] })
  }
  const own = version.locale ?? languages.defaultLocale
  if (locale === own) throw new AssentError('validation_failed', `This version is written in ${own}: a translation is in another language.`, { fields: ['locale'] })
  const { docs: others } = await req.payload.find({ collection: 'version-translations', where: { and: [{ version: { equals: versionId } }, { locale: { equals: locale } }] }, depth: 0, limit: 2, req, select: { locale: true } })
  if (others.some((o) => String(o.id) !== String(draft.id))) {
    throw new AssentError('translation_exists', `This version already has a ${locale} translation: edit that one.`, { fields: ['locale'] })
  }
  const missing = (['summary', 'body'] as const).filter((f) => !draft[f])
  if (missing.length > 0) throw new AssentError('validation_failed', `To mark it ready, fill in: ${missing.join(', ')}.`, { fields: missing })

  const prepared: PreparedTranslation = { policy: refId(version.policy)!, versionNumber: version.version ?? null }
  if (!version.publishedAt) return prepared
  return {
    ...prepared,
    ...(await frozenText(req.payload.config, draft.body)),
    // Frozen with its version's publication, or now: a translation added later says so by its date.
    frozenAt: req.context[PUBLISHED_WITH_CONTEXT] === version.publishedAt ? version.publishedAt : new Date().toISOString(),
    frozenBy: req.user?.collection === 'users' ? req.user.id : null,
  }
}
