import type { Payload, TypedUser } from 'payload'

import { AssentError } from '../../errors/AssentError'
import type { Policy, PolicyVersion } from '../../payload-types'

/** A version as its editor sees it (the latest autosaved draft), with its policy. */
export interface DraftInView {
  version: PolicyVersion
  policy: Policy
}

/**
 * The version `id` as `user` may see it, latest draft included, with its policy. 404 when there
 * is none or `user` may not read it; with `unpublished`, 409 when it is already published.
 */
export async function findDraft(payload: Payload, user: TypedUser, id: string, options: { unpublished?: boolean } = {}): Promise<DraftInView> {
  const version = await payload
    .findByID({ collection: 'policy-versions', id, draft: true, depth: 1, user, overrideAccess: false })
    .catch(() => undefined)
  if (!version) throw new AssentError('version_not_found', `No policy version with id ${id}.`)
  if (options.unpublished && version.publishedAt) {
    throw new AssentError('version_frozen', `Version ${version.version} is published and frozen; start a new revision instead.`)
  }
  // Drafts saved before every version needed a policy may have none: nothing to compare or notify.
  if (!version.policy) {
    throw new AssentError('version_without_policy', 'This draft belongs to no policy, so it has nothing to compare with and no one to notify: start a version from its policy with "New revision", and delete this one.')
  }
  return { version, policy: version.policy as Policy }
}
