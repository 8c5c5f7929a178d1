import type { Access } from 'payload'

import { hasRole } from './roles'

/** Editors and admins release any lock (as the admin's "take over" does); other staff only their own. */
export const editorAdminOrLockHolder: Access = ({ req }) => {
  if (hasRole(req.user, 'editor', 'admin')) return true
  if (req.user?.collection === 'users') return { 'user.value': { equals: req.user.id } }
  return false
}
