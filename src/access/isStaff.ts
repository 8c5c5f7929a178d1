import type { Access } from 'payload'

import { hasRole } from './roles'

/** Any staff role: admins, editors and auditors read everything staff can see. */
export const isStaff: Access = ({ req }) => hasRole(req.user, 'admin', 'editor', 'auditor')
