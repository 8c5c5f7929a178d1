import type { CollectionBeforeValidateHook } from 'payload'

import { AssentError } from '../../../src/errors/AssentError'

/**
 * A version belongs to a policy from its first save. Drafts skip required-field validation, so
 * without this a blank draft would be saved with none, and its redline, notices and title would
 * have nothing to stand on.
 */
export const requirePolicy: CollectionBeforeValidateHook = ({ data, operation, originalDoc }) => {
  const policy = data && 'policy' in data ? data.policy : operation === 'create' ? undefined : originalDoc?.policy
  if (policy == null || policy === '') {
    throw new AssentError('version_without_policy', 'A policy version belongs to a policy: start it from the policy with "New revision".')
  }
  return data
}
