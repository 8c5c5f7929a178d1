import type { CollectionBeforeDeleteHook } from 'payload'

import { AssentError } from '../../../src/errors/AssentError'

/** A published version is part of the record forever: no one deletes it, admins included. */
export const refuseDeletePublished: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const doc = await req.payload.findByID({
    collection: 'policy-versions',
    id,
    depth: 0,
    req,
    disableErrors: true,
    select: { publishedAt: true, version: true },
  })
  if (doc?.publishedAt) {
    throw new AssentError('version_frozen', `Version ${doc.version} is published and can never be deleted.`)
  }
}
