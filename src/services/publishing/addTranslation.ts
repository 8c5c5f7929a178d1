import type { Payload, TypedUser } from 'payload'

import { AssentError } from '../../errors/AssentError'
import { findVersion } from '../legalCenter/findVersion'
import { markdownToBody } from './lexicalMarkdown'
import type { PublishedTranslationView, TranslationText } from './publishFromMarkdown'

/**
 * Adds a text in `locale` to published version `number` of policy `slug`, acting as `user`
 * (editors and admins): frozen and recorded in the ledger the moment it is added, never changed
 * after. Refused when the version has a text in that locale already, or the site does not offer it.
 */
export async function addTranslation(
  payload: Payload,
  user: TypedUser,
  target: { slug: string; version: number },
  translation: TranslationText & { locale: string },
): Promise<PublishedTranslationView & { policy: string; version: number }> {
  const { policy, version } = await findVersion(payload, target.slug, target.version, false)
  const body = await markdownToBody(payload.config, translation.markdown)
  if (!body.root.children.length) throw new AssentError('validation_failed', 'markdown has no content.', { fields: ['markdown'] })
  const added = await payload.create({
    collection: 'version-translations',
    data: { version: version.id, locale: translation.locale, summary: translation.summary, body: body as never, _status: 'published' },
    user,
    overrideAccess: false,
  })
  return { policy: policy.slug, version: target.version, locale: added.locale, summary: added.summary, contentHash: added.contentHash as string, addedAt: added.frozenAt as string }
}
