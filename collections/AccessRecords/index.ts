import type { CollectionConfig } from 'payload'

import { isAdminOrAuditor } from '../../src/access/isAdminOrAuditor'
import { nobody } from '../../src/access/nobody'
import { refuseDelete, refuseUpdate } from '../../src/hooks/insertOnly'

/**
 * Who read personal data as an auditor, what and when: every auditor read of subjects,
 * acceptances and notices (admin or REST), every export and evidence pack. Insert-only.
 */
export const AccessRecords: CollectionConfig = {
  slug: 'access-records',
  labels: { singular: 'Access record', plural: 'Access records' },
  admin: { defaultColumns: ['at', 'actor', 'action', 'resource', 'count'], group: 'Evidence' },
  access: { read: isAdminOrAuditor, create: nobody, update: nobody, delete: nobody },
  hooks: { beforeChange: [refuseUpdate], beforeDelete: [refuseDelete] },
  defaultSort: '-at',
  fields: [
    { name: 'at', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'actor', type: 'text', required: true, admin: { description: 'Staff email, or "api-key:<name>".' } },
    { name: 'action', type: 'select', required: true, options: ['read', 'export', 'evidence', 'coverage'] },
    { name: 'resource', type: 'text', required: true, admin: { description: 'Collection or route read.' } },
    { name: 'detail', type: 'text', admin: { description: 'Ids read, filters used, or the subject of an evidence pack.' } },
    { name: 'count', type: 'number', admin: { description: 'Records returned.' } },
  ],
}
