import type { Access } from 'payload'

import { hasRole } from './roles'

/** The id a lock's `user` names: `{ relationTo, value }` (value an id or a populated account) or a bare id. */
function holderId(user: unknown): unknown {
  const value = typeof user === 'object' && user !== null && 'value' in user ? (user as { value: unknown }).value : user
  return typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : value
}

/**
 * Editors and admins take or keep a document lock, in their own name only: a lock stops everyone
 * else's edits, so read-only roles may not hold one and nobody may set one for someone else.
 */
export const locksInOwnName: Access = ({ req, data }) => {
  if (!hasRole(req.user, 'editor', 'admin')) return false
  const user = (data as { user?: unknown } | undefined)?.user
  return user === undefined || String(holderId(user)) === String(req.user!.id)
}
