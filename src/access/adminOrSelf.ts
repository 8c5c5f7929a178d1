import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins change any staff account; others only their own (and never their role). */
export const adminOrSelf: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (req.user?.collection === 'users') return { id: { equals: req.user.id } }
  return false
}
