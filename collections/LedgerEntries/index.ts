import type { CollectionConfig } from 'payload'

import { isAdminOrAuditor } from '../../src/access/isAdminOrAuditor'
import { nobody } from '../../src/access/nobody'
import { refuseDelete, refuseUpdate } from '../../src/hooks/insertOnly'

/**
 * The tamper-evident log: one entry per acceptance, notice event, publication, translation and change of a
 * policy's rules, numbered 1, 2, 3… without
 * gaps, each with its canonical JSON body (RFC 8785) and leaf hash SHA-256(0x00 ‖ body).
 * Appended in the same transaction as the record it describes; insert-only for everyone.
 */
export const LedgerEntries: CollectionConfig = {
  slug: 'ledger-entries',
  labels: { singular: 'Ledger entry', plural: 'Ledger entries' },
  admin: { useAsTitle: 'seq', defaultColumns: ['seq', 'kind', 'recordedAt', 'leafHash'], group: 'Evidence' },
  access: { read: isAdminOrAuditor, create: nobody, update: nobody, delete: nobody },
  hooks: { beforeChange: [refuseUpdate], beforeDelete: [refuseDelete] },
  indexes: [{ fields: ['kind', 'seq'] }, { fields: ['subject', 'seq'] }],
  fields: [
    { name: 'seq', type: 'number', required: true, unique: true, index: true },
    { name: 'kind', type: 'select', required: true, options: ['acceptance', 'notice', 'publication', 'translation', 'policy-rules', 'key-rotation', 'subject'] },
    { name: 'body', type: 'textarea', required: true, maxLength: 100_000 },
    { name: 'leafHash', type: 'text', required: true },
    {
      name: 'subject',
      type: 'text',
      admin: { description: 'The subject the record is about (acceptances and notices), copied from the body so a subject\'s entries are found by index.' },
    },
    { name: 'recordedAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
