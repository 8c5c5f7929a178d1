import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../src/access/isAdmin'
import { nobody } from '../../src/access/nobody'
import { apiKeyScopes, generateApiKey } from '../../src/domain/apiKey'
import { createdKey, hashNewKey } from './hooks/hashNewKey'

const onlyOnCreate = { create: () => true, update: () => false }

/**
 * Keys for server-to-server calls, created by an admin (here or `npx assent apikey:create`).
 * Stored hashed; the secret is shown once, on the create form. Revoking takes effect at once.
 */
export const ApiKeys: CollectionConfig = {
  slug: 'api-keys',
  labels: { singular: 'API key', plural: 'API keys' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'scope', 'keyPrefix', 'revokedAt', 'createdAt'], group: 'Staff' },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: nobody },
  hooks: { beforeChange: [hashNewKey] },
  fields: [
    { name: 'name', type: 'text', required: true, access: onlyOnCreate },
    { name: 'scope', type: 'select', required: true, options: [...apiKeyScopes], access: onlyOnCreate },
    {
      name: 'key',
      type: 'text',
      virtual: true,
      defaultValue: () => generateApiKey(),
      access: onlyOnCreate,
      // Shown in the answer that creates the key, never on a later read (a virtual field would
      // otherwise show a fresh, meaningless default there).
      hooks: { afterRead: [({ req }) => createdKey(req.context)] },
      admin: { readOnly: true, description: 'Copy this key now: it is stored hashed and never shown again.', condition: (data) => !data?.keyPrefix },
    },
    { name: 'keyPrefix', type: 'text', admin: { readOnly: true }, access: { create: () => false, update: () => false } },
    { name: 'keyHash', type: 'text', unique: true, index: true, hidden: true },
    { name: 'revokedAt', type: 'date', admin: { description: 'Set to revoke the key; it is refused from that moment.' } },
  ],
}
