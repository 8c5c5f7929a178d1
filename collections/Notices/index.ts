import type { CollectionConfig } from 'payload'

import { isAdminOrAuditor } from '../../src/access/isAdminOrAuditor'
import { nobody } from '../../src/access/nobody'
import { logAuditorReads } from '../../src/hooks/logAuditorReads'
import { appendToLedger } from './hooks/appendToLedger'

const delivery = { readOnly: true, condition: (data: { channel?: string }) => data?.channel === 'email' } as const

/**
 * Proof that a subject was told of a version: one row per subject × version × channel (email,
 * banner), created when the version is published. Email notices are also the outbox: workers
 * lease them, send them and record what the SMTP server said. Written only by Assent's services.
 */
export const Notices: CollectionConfig = {
  slug: 'notices',
  admin: { defaultColumns: ['subject', 'policy', 'versionNumber', 'channel', 'status', 'reachedAt', 'lastReply'], group: 'People' },
  access: { read: isAdminOrAuditor, create: nobody, update: nobody, delete: nobody },
  hooks: { afterChange: [appendToLedger], afterOperation: [logAuditorReads] },
  indexes: [
    { fields: ['subject', 'version', 'channel'], unique: true },
    { fields: ['status', 'leaseExpiresAt'] },
    { fields: ['version', 'channel', 'status'] },
  ],
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
    { name: 'address', type: 'text', admin: { ...delivery, description: 'The address the email was sent to.' } },
    { name: 'messageId', type: 'text', admin: { ...delivery, description: 'Derived from the notice: the same on every attempt.' } },
    { name: 'messageHash', type: 'text', admin: { ...delivery, description: 'SHA-256 of the message exactly as handed to the SMTP server.' } },
    { name: 'attempts', type: 'number', defaultValue: 0, admin: delivery },
    { name: 'lastAttemptAt', type: 'date', admin: delivery },
    { name: 'lastReply', type: 'text', admin: { ...delivery, description: "The SMTP server's last reply, or why the notice could not be sent." } },
    { name: 'nextAttemptAt', type: 'date', admin: delivery },
    { name: 'leaseOwner', type: 'text', admin: { hidden: true } },
    { name: 'leaseExpiresAt', type: 'date', admin: { hidden: true } },
  ],
}
