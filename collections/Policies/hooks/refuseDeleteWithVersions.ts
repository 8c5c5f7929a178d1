import type { CollectionBeforeDeleteHook } from 'payload'

import { AssentError } from '../../../src/errors/AssentError'

/** A policy's versions are its history: a policy that has any cannot be deleted. */
export const refuseDeleteWithVersions: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'policy-versions',
    where: { policy: { equals: id } },
    req,
  })
  if (totalDocs > 0) {
    throw new AssentError(
      'policy_has_published_versions',
      `This policy has ${totalDocs} version(s); its history cannot be deleted.`,
    )
  }
}
