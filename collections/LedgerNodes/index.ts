import type { CollectionConfig } from 'payload'

import { isAdminOrAuditor } from '../../src/access/isAdminOrAuditor'
import { nobody } from '../../src/access/nobody'

/**
 * The roots of the ledger's perfect Merkle subtrees of 256 leaves and more (level 8 and up: the
 * subtree of 2^level entries whose first leaf index, counted from 0, is `start`), kept by each checkpoint as it
 * reads the entries it signs. They let an inclusion or consistency proof read a few dozen rows
 * instead of every entry. Derived, never evidence: a proof built from them is checked against
 * the signed root before it is served, and a wrong or missing one is computed again from the
 * entries.
 */
export const LedgerNodes: CollectionConfig = {
  slug: 'ledger-nodes',
  labels: { singular: 'Ledger subtree', plural: 'Ledger subtrees' },
  admin: { hidden: true },
  access: { read: isAdminOrAuditor, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['level', 'start'], unique: true }],
  fields: [
    { name: 'level', type: 'number', required: true },
    { name: 'start', type: 'number', required: true },
    { name: 'hash', type: 'text', required: true },
  ],
}
