import type { CollectionConfig } from 'payload'

import { anyone } from '../../src/access/anyone'
import { isAdmin } from '../../src/access/isAdmin'
import { adminToChange } from '../../src/access/adminToChange'
import { isEditorOrAdmin } from '../../src/access/isEditorOrAdmin'
import { isPolicySlug } from '../../src/domain/policySlug'
import { keepFormerSlug } from './hooks/keepFormerSlug'
import { recordRulesChange } from './hooks/recordRulesChange'
import { refuseDeleteWithVersions } from './hooks/refuseDeleteWithVersions'

/**
 * A document family (privacy, terms…): the thing people accept, through its versions. Its rules,
 * slug and bundle are changed by admins only, each change a ledger entry; versions already
 * published keep the rules they were published under.
 */
export const Policies: CollectionConfig = {
  slug: 'policies',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', 'acceptanceMode', 'noticePeriodDays'], group: 'Legal documents' },
  access: { read: anyone, create: isEditorOrAdmin, update: isEditorOrAdmin, delete: isAdmin },
  hooks: {
    beforeChange: [keepFormerSlug],
    afterChange: [recordRulesChange],
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
      access: { update: adminToChange('slug') },
      admin: { description: 'Lowercase words joined by hyphens; the address under /legal/. Admins only, once set: a renamed policy keeps redirecting from its old slug, which no other policy may take.' },
      validate: (value: unknown) =>
        isPolicySlug(value)
          ? true
          : 'Slug must be lowercase letters, digits and single hyphens (for example "privacy" or "terms-of-service").',
    },
    {
      name: 'acceptanceMode',
      type: 'select',
      required: true,
      defaultValue: 'clickwrap',
      access: { update: adminToChange('acceptanceMode') },
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
      access: { update: adminToChange('noticePeriodDays') },
      min: 0,
      max: 365,
      admin: { description: 'Minimum days between publishing a material change and its effective date.' },
    },
    {
      name: 'requireSecondApproval',
      type: 'checkbox',
      label: 'Two-person rule',
      defaultValue: false,
      access: { update: adminToChange('requireSecondApproval') },
      admin: { description: 'A material version needs a second editor\'s approval before it can be published.' },
    },
    {
      name: 'bundle',
      type: 'text',
      index: true,
      access: { update: adminToChange('bundle') },
      admin: { description: 'Policies sharing a bundle key are accepted together.' },
    },
    {
      name: 'formerSlugs',
      type: 'text',
      hasMany: true,
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar', description: 'Slugs this policy published under before a rename: they redirect here and are never reused.', condition: (data) => Boolean(data?.formerSlugs?.length) },
    },
  ],
}
