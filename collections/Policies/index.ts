import type { CollectionConfig } from 'payload'

import { anyone } from '../../src/access/anyone'
import { isAdmin } from '../../src/access/isAdmin'
import { isEditorOrAdmin } from '../../src/access/isEditorOrAdmin'
import { refuseDeleteWithVersions } from './hooks/refuseDeleteWithVersions'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** A document family (privacy, terms…): the thing people accept, through its versions. */
export const Policies: CollectionConfig = {
  slug: 'policies',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'acceptanceMode', 'noticePeriodDays'],
    group: 'Legal documents',
  },
  access: {
    read: anyone,
    create: isEditorOrAdmin,
    update: isEditorOrAdmin,
    delete: isAdmin,
  },
  hooks: {
    beforeDelete: [refuseDeleteWithVersions],
  },
  fields: [
    {
      name: 'revisions',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/admin/PolicyRevisionField#PolicyRevisionField' } },
    },
    { name: 'title', type: 'text', required: true },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { description: 'Lowercase words joined by hyphens; the address under /legal/.' },
      validate: (value: unknown) =>
        typeof value === 'string' && SLUG_PATTERN.test(value)
          ? true
          : 'Slug must be lowercase letters, digits and single hyphens (for example "privacy" or "terms-of-service").',
    },
    {
      name: 'acceptanceMode',
      type: 'select',
      required: true,
      defaultValue: 'clickwrap',
      options: [
        { label: 'Clickwrap: explicit acceptance required', value: 'clickwrap' },
        { label: 'Continued use after proven notice', value: 'continued-use' },
      ],
    },
    {
      name: 'noticePeriodDays',
      type: 'number',
      required: true,
      defaultValue: 30,
      min: 0,
      max: 365,
      admin: { description: 'Minimum days between publishing a material change and its effective date.' },
    },
    {
      name: 'requireSecondApproval',
      type: 'checkbox',
      label: 'Two-person rule',
      defaultValue: false,
      admin: { description: 'A material version needs a second editor\'s approval before it can be published.' },
    },
    {
      name: 'bundle',
      type: 'text',
      index: true,
      admin: { description: 'Policies sharing a bundle key are accepted together.' },
    },
  ],
}
