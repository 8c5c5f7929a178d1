import type { CollectionConfig } from 'payload'

import { adminAuditorOrSelf } from '../../src/access/adminAuditorOrSelf'
import { adminOrSelf } from '../../src/access/adminOrSelf'
import { isAdmin } from '../../src/access/isAdmin'
import { hasRole, roles } from '../../src/access/roles'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { refuseDeleteOfRecord } from './hooks/refuseDeleteOfRecord'

/** Staff who log into the admin. No self-registration: after the first admin, only an admin
 * creates accounts. */
export const Users: CollectionConfig = {
  slug: 'users',
  auth: {
    // Five wrong passwords lock an account for ten minutes.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    useAPIKey: false,
    // Payload's own minimum interval between reset requests reserves the account outside the
    // request's transaction, which on SQLite waits for that very transaction's lock: Assent limits
    // reset requests per client and per address instead (src/http/rateLimits.ts).
    forgotPassword: { minRequestInterval: 0 },
  },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'role'],
    group: 'Staff',
  },
  access: {
    admin: ({ req }) => hasRole(req.user, 'admin', 'editor', 'auditor'),
    create: isAdmin,
    read: adminAuditorOrSelf,
    update: adminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    beforeChange: [firstUserIsAdmin],
    beforeDelete: [refuseDeleteOfRecord],
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'editor',
      options: roles.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      saveToJWT: true,
      access: {
        create: ({ req }) => hasRole(req.user, 'admin'),
        update: ({ req }) => hasRole(req.user, 'admin'),
      },
    },
  ],
}
