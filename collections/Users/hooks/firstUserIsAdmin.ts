import type { CollectionBeforeChangeHook } from 'payload'

/** The first account ever created (the admin's "create first user" screen or the seed) is an
 * admin; every later account is created by an admin, who picks its role. */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  return totalDocs === 0 ? { ...data, role: 'admin' } : data
}
