import type { Access } from 'payload'

import { hasRole } from './roles'

/** Staff see every translation; the public sees frozen ones only (published with their version). */
export const frozenOrStaff: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor', 'auditor')) return true
  return { frozenAt: { exists: true } }
}
