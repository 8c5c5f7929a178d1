import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins and auditors read every staff account; anyone else only their own. */
export const adminAuditorOrSelf: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'auditor')) return true
  if (req.user?.collection === 'users') return { id: { equals: req.user.id } }
  return false
}
