import type { CollectionConfig } from 'payload'

import { isAdminOrAuditor } from '../../src/access/isAdminOrAuditor'
import { nobody } from '../../src/access/nobody'
import { refuseDelete, refuseUpdate } from '../../src/hooks/insertOnly'
import { logAuditorReads } from '../../src/hooks/logAuditorReads'
import { appendToLedger } from './hooks/appendToLedger'

/**
 * Who accepted which exact version, when and how: one row per subject × version. Written only by
 * Assent's services; insert-only for everyone.
 */
export const Acceptances: CollectionConfig = {
  slug: 'acceptances',
  labels: { singular: 'Acceptance', plural: 'Acceptances' },
  admin: { defaultColumns: ['subject', 'policy', 'versionNumber', 'method', 'source', 'acceptedAt'], group: 'People' },
  access: { read: isAdminOrAuditor, create: nobody, update: nobody, delete: nobody },
  hooks: { beforeChange: [refuseUpdate], afterChange: [appendToLedger], beforeDelete: [refuseDelete], afterOperation: [logAuditorReads] },
  indexes: [{ fields: ['subject', 'version'], unique: true }],
  fields: [
    { name: 'subject', type: 'relationship', relationTo: 'subjects', required: true, index: true },
    { name: 'policy', type: 'relationship', relationTo: 'policies', required: true, index: true },
    { name: 'version', type: 'relationship', relationTo: 'policy-versions', required: true, index: true },
    { name: 'versionNumber', type: 'number', required: true },
    { name: 'method', type: 'select', required: true, options: ['clickwrap', 'continued-use', 'api', 'import'] },
    { name: 'source', type: 'select', required: true, options: ['login-banner', 'embed', 'email-link', 'api'] },
    { name: 'contentHash', type: 'text', required: true },
    { name: 'locale', type: 'text' },
    { name: 'acceptedAt', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'ip', type: 'text' },
    { name: 'userAgent', type: 'text' },
    { name: 'idempotencyKey', type: 'text', index: true },
    { name: 'covers', type: 'json', admin: { description: 'The version numbers this acceptance covers: every version since the last one the subject accepted, up to this one.' } },
    { name: 'notices', type: 'json', admin: { description: 'For continued use: the notices this acceptance relies on.' } },
  ],
}
