import type { CollectionConfig } from 'payload'

import { isAdminOrAuditor } from '../../src/access/isAdminOrAuditor'
import { nobody } from '../../src/access/nobody'
import { refuseDelete, refuseUpdate } from '../../src/hooks/insertOnly'

/** Signed Merkle roots of the ledger (RFC 6962), append-only; each extends the one before. */
export const LedgerCheckpoints: CollectionConfig = {
  slug: 'ledger-checkpoints',
  labels: { singular: 'Ledger checkpoint', plural: 'Ledger checkpoints' },
  admin: { useAsTitle: 'treeSize', defaultColumns: ['treeSize', 'rootHash', 'signedAt'], group: 'Evidence' },
  access: { read: isAdminOrAuditor, create: nobody, update: nobody, delete: nobody },
  hooks: { beforeChange: [refuseUpdate], beforeDelete: [refuseDelete] },
  fields: [
    { name: 'treeSize', type: 'number', required: true, unique: true, index: true },
    { name: 'rootHash', type: 'text', required: true },
    { name: 'signedAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'signature', type: 'text', required: true },
    { name: 'keyId', type: 'text', required: true, admin: { description: 'SHA-256 of the public key that signed it.' } },
  ],
}
