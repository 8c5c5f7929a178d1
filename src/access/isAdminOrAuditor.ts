import type { Access } from 'payload'

import { hasRole } from './roles'

/** Personal data of subjects: admins and auditors only (editors write policies, not people). */
export const isAdminOrAuditor: Access = ({ req }) => hasRole(req.user, 'admin', 'auditor')
