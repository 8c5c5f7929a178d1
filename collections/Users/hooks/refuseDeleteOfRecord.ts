import type { CollectionBeforeDeleteHook } from 'payload'

import { AssentError } from '../../../src/errors/AssentError'

/**
 * Who published a version, and who approved it, are bound by its publication entry: deleting
 * their account would clear them from the version (its reference is set to none), which
 * verification then names. Such an account is kept; closing it means giving it a password no one
 * knows.
 */
export const refuseDeleteOfRecord: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'policy-versions',
    where: { and: [{ publishedAt: { exists: true } }, { or: [{ publishedBy: { equals: id } }, { approvedBy: { equals: id } }] }] },
    req,
  })
  if (totalDocs > 0) {
    throw new AssentError(
      'staff_of_record',
      `This account published or approved ${totalDocs} published version(s), which the ledger names: it cannot be deleted. To close it, set a password no one knows.`,
    )
  }
}
