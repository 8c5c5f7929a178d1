import type { CollectionConfig } from 'payload'

import { isAdminOrAuditor } from '../../src/access/isAdminOrAuditor'
import { nobody } from '../../src/access/nobody'
import { appendToLedger } from './hooks/appendToLedger'

/**
 * Proof that a subject was told of a version: one row per subject × version × channel (email,
 * banner). Written only by Assent's services.
 */
export const Notices: CollectionConfig = {
  slug: 'notices',
  admin: { defaultColumns: ['subject', 'policy', 'versionNumber', 'channel', 'status', 'reachedAt'], group: 'People' },
  access: { read: isAdminOrAuditor, create: nobody, update: nobody, delete: nobody },
  hooks: { afterChange: [appendToLedger] },
  indexes: [{ fields: ['subject', 'version', 'channel'], unique: true }],
  fields: [
    { name: 'subject', type: 'relationship', relationTo: 'subjects', required: true, index: true },
    { name: 'policy', type: 'relationship', relationTo: 'policies', required: true },
    { name: 'version', type: 'relationship', relationTo: 'policy-versions', required: true, index: true },
    { name: 'versionNumber', type: 'number', required: true },
    { name: 'channel', type: 'select', required: true, options: ['email', 'banner'] },
    {
      name: 'status',
      type: 'select',
      required: true,
      options: ['pending', 'sending', 'accepted', 'uncertain', 'dead', 'bounced', 'displayed', 'dismissed'],
    },
    { name: 'reachedAt', type: 'date', admin: { description: 'When the notice reached the subject: SMTP acceptance or first display.' } },
    { name: 'dismissedAt', type: 'date' },
  ],
}
