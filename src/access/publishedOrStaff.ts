import type { Access } from 'payload'

import { hasRole } from './roles'

/** Staff see drafts; the public sees published versions only. */
export const publishedOrStaff: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor', 'auditor')) return true
  return { _status: { equals: 'published' } }
}
