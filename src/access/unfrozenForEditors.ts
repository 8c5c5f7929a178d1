import type { Access } from 'payload'

import { hasRole } from './roles'

/** Editors and admins may change or delete a translation only until it is frozen. The freeze
 * hooks enforce the same rule on trusted paths. */
export const unfrozenForEditors: Access = ({ req }) => {
  if (!hasRole(req.user, 'editor', 'admin')) return false
  return { frozenAt: { exists: false } }
}
