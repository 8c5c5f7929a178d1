import type { CollectionConfig } from 'payload'

import { nobody } from '../../src/access/nobody'

/** The first answer to each idempotency key, replayed when the same request comes again. */
export const IdempotencyRecords: CollectionConfig = {
  slug: 'idempotency-records',
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'requestHash', type: 'text', required: true },
    { name: 'status', type: 'number', required: true },
    { name: 'response', type: 'json', required: true },
  ],
}
