import type { Access } from 'payload'

import { hasRole } from './roles'

/**
 * Editors and admins create versions, and only with the new version's data in hand: a version is
 * started from its policy ("New revision"), never from a blank form. Payload's admin asks without
 * data when it decides whether to offer "Create New", so it offers none; the policy itself is
 * checked by `requirePolicy`, which says what is missing.
 */
export const startedWithData: Access = ({ req, data }) => hasRole(req.user, 'editor', 'admin') && data != null && Object.keys(data).length > 0
