import type { Payload, TypedUser } from 'payload'

import type { ChangeClass } from '../../domain/changeClass'
import { findDraft } from './findDraft'
import { refuseUnconfirmedSupersession } from './refuseUnconfirmedSupersession'

/** The publish dialog's choices. */
export interface PublishChoices {
  changeClass: ChangeClass
  summary: string
  effectiveAt?: string | null
  effectiveOverrideReason?: string | null
  /** The editor's document as on screen; the saved draft when absent. */
  body?: Record<string, unknown>
  /** The upcoming versions the editor confirmed this one replaces before they take effect. */
  supersedes?: number[]
}

/** A version just published from the admin, and the notices its publication queued. */
export interface PublishedDraft {
  id: number | string
  policy: string
  version: number
  effectiveAt: string
  contentHash: string
  notices: { email: number; banner: number }
}

/**
 * Publishes draft `id` with the publish dialog's choices, acting as `user`; a date that would
 * supersede an upcoming version needs the editor's confirmation of it. Payload's update runs
 * the publishing sequence (`publishing/publication`: lock, freeze, ledger, notices, webhooks) in
 * its one transaction, so a refusal leaves the draft as it was and nothing published.
 */
export async function publishDraft(payload: Payload, user: TypedUser, id: string, choices: PublishChoices): Promise<PublishedDraft> {
  const { policy } = await findDraft(payload, user, id, { unpublished: true })
  await refuseUnconfirmedSupersession(payload, policy.id, choices.effectiveAt, choices.supersedes)
  const { body, effectiveOverrideReason, supersedes: _confirmed, ...rest } = choices
  const published = await payload.update({
    collection: 'policy-versions',
    id,
    data: {
      ...rest,
      effectiveAt: choices.effectiveAt ?? null,
      effectiveOverrideReason: effectiveOverrideReason || null,
      ...(body ? { body: body as never } : {}),
      _status: 'published',
    },
    user,
    overrideAccess: false,
    depth: 0,
  })
  const count = (channel: 'email' | 'banner') =>
    payload.count({ collection: 'notices', where: { and: [{ version: { equals: published.id } }, { channel: { equals: channel } }] } }).then((r) => r.totalDocs)
  const [email, banner] = await Promise.all([count('email'), count('banner')])
  return {
    id: published.id,
    policy: policy.slug,
    version: published.version!,
    effectiveAt: published.effectiveAt!,
    contentHash: published.contentHash!,
    notices: { email, banner },
  }
}
