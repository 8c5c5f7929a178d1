import type { CollectionConfig } from 'payload'

import { isStaff } from '../../src/access/isStaff'
import { setByServerOnly } from '../../src/access/setByServerOnly'
import { publishedOrStaff } from '../../src/access/publishedOrStaff'
import { startedWithData } from '../../src/access/startedWithData'
import { unpublishedForEditors } from '../../src/access/unpublishedForEditors'
import { changeClasses } from '../../src/domain/changeClass'
import { MAX_DOCUMENT_CHARS } from '../../src/domain/maxDocumentChars'
import { acceptanceModes } from '../../src/domain/versionRules'
import { completeOnPublish } from './hooks/completeOnPublish'
import { freezeOnPublish } from './hooks/freezeOnPublish'
import { refuseChangePublished } from './hooks/refuseChangePublished'
import { refuseDeletePublished } from './hooks/refuseDeletePublished'
import { requirePolicy } from './hooks/requirePolicy'
import { titleOnRead } from './hooks/titleOnRead'

/** Set only by publishing (`startPublication`) or approving, never by a caller. */
const setByPublishing = setByServerOnly
const frozen = { readOnly: true, position: 'sidebar' } as const
/** Set only by a second editor's approval (`approveVersion`), never by a form. */
const approval = { readOnly: true, position: 'sidebar', condition: (data: Record<string, unknown>) => Boolean(data.approvedBy) } as const

/**
 * One revision of a policy. Drafted with autosave (every draft kept), published once: publishing
 * assigns the version number and freezes text, HTML and content hash forever.
 */
export const PolicyVersions: CollectionConfig = {
  slug: 'policy-versions',
  labels: { singular: 'Policy version', plural: 'Policy versions' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['policy', 'version', 'changeClass', 'summary', 'effectiveAt', '_status'],
    group: 'Legal documents',
    description: 'A version is started from its policy: press "New revision" on the dashboard or on the policy\'s page.',
    components: { edit: { PublishButton: '/admin/PublishWizard#PublishWizard' } },
  },
  versions: {
    drafts: { autosave: { interval: 2000 } },
    maxPerDoc: 0,
  },
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: startedWithData,
    update: unpublishedForEditors,
    delete: unpublishedForEditors,
  },
  hooks: {
    beforeValidate: [requirePolicy],
    // Guards, then the two halves of the publishing sequence (src/services/publishing/publication).
    beforeChange: [refuseChangePublished, freezeOnPublish],
    afterChange: [completeOnPublish],
    beforeDelete: [refuseDeletePublished],
    afterRead: [titleOnRead],
  },
  indexes: [{ fields: ['policy', 'version'], unique: true }],
  fields: [
    {
      name: 'standing',
      type: 'ui',
      admin: { components: { Field: '/admin/VersionStanding#VersionStanding' } },
    },
    { name: 'policy', type: 'relationship', relationTo: 'policies', required: true, index: true },
    // Stored nowhere: the policy's title, completed on each read by `titleOnRead`.
    { name: 'title', type: 'text', virtual: 'policy.title', admin: { hidden: true } },
    {
      name: 'changeClass',
      type: 'select',
      required: true,
      options: [
        { label: 'Editorial: no notice', value: changeClasses[0] },
        { label: 'Informational: notice only', value: changeClasses[1] },
        { label: 'Material: notice and re-acceptance', value: changeClasses[2] },
      ],
    },
    {
      name: 'summary',
      type: 'textarea',
      required: true,
      admin: { description: 'Plain-language "what changed", shown to the public and in notices.' },
    },
    {
      name: 'effectiveAt',
      type: 'date',
      index: true,
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description:
          'When this version takes effect. Material changes: at least the policy\'s notice period after publishing. Empty: at publishing.',
      },
    },
    {
      name: 'effectiveOverrideReason',
      type: 'textarea',
      admin: {
        description: 'Admins only: why this version may take effect sooner than the rules allow.',
        condition: (data, _sibling, { user }) => Boolean(data?.effectiveOverrideReason) || (user as { role?: string } | null)?.role === 'admin',
      },
    },
    { name: 'body', type: 'richText', required: true },
    {
      name: 'redline',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/admin/RedlinePanel#RedlinePanel' } },
    },
    {
      name: 'translations',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/admin/TranslationsPanel#TranslationsPanel' } },
    },
    {
      name: 'notices',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/admin/NoticePanel#NoticePanel' } },
    },
    { name: 'version', type: 'number', index: true, access: setByPublishing, admin: frozen },
    { name: 'publishedAt', type: 'date', index: true, access: setByPublishing, admin: { ...frozen, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'publishedBy', type: 'relationship', relationTo: 'users', access: setByPublishing, admin: frozen },
    { name: 'contentHash', type: 'text', access: setByPublishing, admin: { ...frozen, description: 'SHA-256 of the canonical text.' } },
    { name: 'locale', type: 'text', access: setByPublishing, admin: { ...frozen, description: 'The language of the text, the site\'s default when published; translations add others.' } },
    { name: 'approvedBy', type: 'relationship', relationTo: 'users', access: setByPublishing, admin: approval },
    { name: 'approvedAt', type: 'date', access: setByPublishing, admin: { ...approval, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'approvalDigest', type: 'text', access: setByPublishing, admin: { hidden: true } },
    { name: 'text', type: 'textarea', maxLength: MAX_DOCUMENT_CHARS, access: setByPublishing, admin: { readOnly: true, description: 'Frozen canonical text (Markdown).', condition: (data) => Boolean(data?.publishedAt) } },
    { name: 'html', type: 'textarea', maxLength: MAX_DOCUMENT_CHARS, access: setByPublishing, admin: { hidden: true } },
    {
      name: 'rules',
      type: 'group',
      label: 'Rules published under',
      admin: { ...frozen, description: 'The policy\'s rules when this version was published; a later change of the policy never alters them.', condition: (data) => Boolean(data?.publishedAt) },
      fields: [
        { name: 'acceptanceMode', type: 'select', options: acceptanceModes.map((value) => ({ label: value, value })), access: setByPublishing, admin: { readOnly: true } },
        { name: 'noticePeriodDays', type: 'number', access: setByPublishing, admin: { readOnly: true } },
        { name: 'requireSecondApproval', type: 'checkbox', access: setByPublishing, admin: { readOnly: true } },
      ],
    },
  ],
}
