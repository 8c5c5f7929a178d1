import type { Access } from 'payload'

import { hasRole } from './roles'

/** Editors and admins may change or delete a version only while it is unpublished: a published
 * version is frozen for everyone. The freeze hooks enforce the same rule on trusted paths. */
export const unpublishedForEditors: Access = ({ req }) => {
  if (!hasRole(req.user, 'editor', 'admin')) return false
  return { publishedAt: { exists: false } }
}
