import type { Payload, TypedUser } from 'payload'

import type { ChangeClass } from '../../domain/changeClass'
import { AssentError } from '../../errors/AssentError'
import { withTransaction } from '../../store/withTransaction'
import { findPolicyBySlug } from '../policies/findPolicyBySlug'
import { markdownToBody } from './lexicalMarkdown'
import { toPublishedVersionView, type PublishedVersionView } from '../legalCenter/publishedVersionView'

/** A new version as automation sends it: the text in Markdown plus its classification. */
export interface MarkdownRevision {
  markdown: string
  changeClass: ChangeClass
  summary: string
  effectiveAt?: string
  effectiveOverrideReason?: string
  /** Its texts in other locales, by locale: frozen with it. */
  translations?: Record<string, TranslationText>
}

/** A version's text in one locale. */
export interface TranslationText {
  markdown: string
  summary: string
}

/** A translation published with a version. */
export interface PublishedTranslationView {
  locale: string
  summary: string
  contentHash: string
  addedAt: string
}

/** A body from Markdown, or a refusal naming `field` when it has no content. */
async function bodyOf(payload: Payload, markdown: string, field: string) {
  const body = await markdownToBody(payload.config, markdown)
  if (!body.root.children.length) throw new AssentError('validation_failed', `${field} has no content.`, { fields: [field] })
  return body
}

/**
 * Publishes a new version of a policy from Markdown, acting as `user` (access control applies:
 * only editors and admins publish), with its translations when given: each is marked ready on the
 * version's draft and frozen with its publication. One transaction: refused input leaves nothing
 * behind.
 */
export async function publishFromMarkdown(
  payload: Payload,
  user: TypedUser,
  slug: string,
  revision: MarkdownRevision,
): Promise<PublishedVersionView & { translations: PublishedTranslationView[] }> {
  const policy = await findPolicyBySlug(payload, slug)
  const body = await bodyOf(payload, revision.markdown, 'markdown')
  const translations = await Promise.all(
    Object.entries(revision.translations ?? {}).map(async ([locale, t]) => ({ locale, summary: t.summary, body: await bodyOf(payload, t.markdown, `translations.${locale}.markdown`) })),
  )
  const data = {
    policy: policy.id,
    body: body as never,
    changeClass: revision.changeClass,
    summary: revision.summary,
    effectiveAt: revision.effectiveAt,
    effectiveOverrideReason: revision.effectiveOverrideReason,
  }
  const acting = { user, overrideAccess: false } as const
  if (translations.length === 0) {
    const created = await payload.create({ collection: 'policy-versions', data: { ...data, _status: 'published' }, ...acting, draft: false })
    return { ...toPublishedVersionView(policy.slug, created), translations: [] }
  }
  return withTransaction(payload, async (req) => {
    req.user = user
    const draft = await payload.create({ collection: 'policy-versions', data: { ...data, _status: 'draft' }, ...acting, req, draft: true })
    for (const t of translations) {
      await payload.create({ collection: 'version-translations', data: { version: draft.id, locale: t.locale, summary: t.summary, body: t.body as never, _status: 'published' }, ...acting, req })
    }
    const published = await payload.update({ collection: 'policy-versions', id: draft.id, data: { _status: 'published' }, ...acting, req })
    const { docs } = await payload.find({ collection: 'version-translations', where: { version: { equals: draft.id } }, sort: 'locale', depth: 0, pagination: false, req })
    return {
      ...toPublishedVersionView(policy.slug, published),
      translations: docs.map((t) => ({ locale: t.locale, summary: t.summary, contentHash: t.contentHash as string, addedAt: t.frozenAt as string })),
    }
  })
}
