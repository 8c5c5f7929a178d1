import type { Payload, TypedUser } from 'payload'

import type { ChangeClass } from '../../domain/changeClass'
import { AssentError } from '../../errors/AssentError'
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
}

/**
 * Publishes a new version of a policy from Markdown, acting as `user` (access control applies:
 * only editors and admins publish). One transaction: refused input leaves nothing behind.
 */
export async function publishFromMarkdown(
  payload: Payload,
  user: TypedUser,
  slug: string,
  revision: MarkdownRevision,
): Promise<PublishedVersionView> {
  const policy = await findPolicyBySlug(payload, slug)
  const body = await markdownToBody(payload.config, revision.markdown)
  if (!body.root.children.length) {
    throw new AssentError('validation_failed', 'markdown has no content.', { fields: ['markdown'] })
  }
  const created = await payload.create({
    collection: 'policy-versions',
    data: {
      policy: policy.id,
      body: body as never,
      changeClass: revision.changeClass,
      summary: revision.summary,
      effectiveAt: revision.effectiveAt,
      effectiveOverrideReason: revision.effectiveOverrideReason,
      _status: 'published',
    },
    user,
    overrideAccess: false,
    draft: false,
  })
  return toPublishedVersionView(policy.slug, created)
}
