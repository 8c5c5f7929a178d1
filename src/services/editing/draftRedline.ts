import type { Payload, TypedUser } from 'payload'

import type { Redlines } from '../redline/redlines'
import type { RenderedRedline } from '../redline/renderRedline'
import { AssentError } from '../../errors/AssentError'
import { siteLanguages } from '../locales/siteLanguages'
import { draftText } from './draftText'
import { findDraft } from './findDraft'
import { latestPublished } from './latestPublished'
import { publishedTextsByLocale, translationsOf } from './versionTranslations'

/** A draft's redline against the version it will follow, as inline HTML. */
export interface DraftRedline {
  /** The published version compared with (null when the draft is the policy's first). */
  basedOn: number | null
  redline: RenderedRedline
}

/**
 * The redline of version `id` against the newest version published before it, for the side
 * panel while drafting. `body`, when given, is the editor's unsaved document; else the latest
 * saved draft is compared. Computed by `redlines` (off the event loop in the server).
 *
 * With `locale` (another than the version's own), the redline of the version's translation in
 * that locale (its latest draft, or its frozen text) against the previous version's text in that
 * locale; `basedOn` is null when that version had no text in it (everything is new).
 */
export async function draftRedline(payload: Payload, redlines: Redlines, user: TypedUser, id: string, body?: unknown, locale?: string): Promise<DraftRedline> {
  const { version, policy } = await findDraft(payload, user, id)
  const base = await latestPublished(payload, policy.id, version.version ?? undefined)
  const { defaultLocale } = await siteLanguages(payload)
  if (locale && locale !== (version.locale ?? defaultLocale)) {
    const translation = (await translationsOf(payload, version.id, true)).find((t) => t.locale === locale)
    if (!translation) throw new AssentError('not_found', `This version has no ${locale} translation yet: create one under Translations.`)
    const text = translation.frozenAt ? (translation.text ?? '') : await draftText(payload.config, translation.body)
    const before = base ? (await publishedTextsByLocale(payload, base, defaultLocale)).get(locale) : undefined
    return { basedOn: before ? (base!.version as number) : null, redline: await redlines.render(before?.text ?? '', text, 'inline') }
  }
  const text = version.publishedAt ? (version.text ?? '') : await draftText(payload.config, body ?? version.body)
  return { basedOn: base?.version ?? null, redline: await redlines.render(base?.text ?? '', text, 'inline') }
}
