import type { CollectionBeforeDeleteHook } from 'payload'

import { AssentError } from '../../../src/errors/AssentError'

/** A frozen translation is part of the record forever: no one deletes it, admins included. */
export const refuseDeleteFrozen: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const doc = await req.payload.findByID({ collection: 'version-translations', id, depth: 0, req, disableErrors: true, select: { frozenAt: true, locale: true } })
  if (doc?.frozenAt) throw new AssentError('version_frozen', `The ${doc.locale} translation is frozen and can never be deleted.`)
}
