import type { CollectionConfig } from 'payload'

import { frozenOrStaff } from '../../src/access/frozenOrStaff'
import { isEditorOrAdmin } from '../../src/access/isEditorOrAdmin'
import { isStaff } from '../../src/access/isStaff'
import { setByServerOnly } from '../../src/access/setByServerOnly'
import { MAX_DOCUMENT_CHARS } from '../../src/domain/maxDocumentChars'
import { unfrozenForEditors } from '../../src/access/unfrozenForEditors'
import { freezeWhenReady } from './hooks/freezeWhenReady'
import { recordOnFreeze } from './hooks/recordOnFreeze'
import { refuseChangeFrozen } from './hooks/refuseChangeFrozen'
import { refuseDeleteFrozen } from './hooks/refuseDeleteFrozen'

/** Set only by freezing, never by a caller. */
const setByFreezing = setByServerOnly
const frozen = { readOnly: true, position: 'sidebar' } as const

/**
 * A version's text in another locale than the one it was written in. Drafted with Payload's drafts;
 * "Publish" marks it ready. A ready translation is frozen (text, HTML, content hash) when its
 * version is published, or at once when the version already is, and its freezing is a ledger
 * entry. Frozen, it never changes and is never deleted.
 */
export const VersionTranslations: CollectionConfig = {
  slug: 'version-translations',
  labels: { singular: 'Translation', plural: 'Translations' },
  admin: {
    useAsTitle: 'locale',
    defaultColumns: ['version', 'locale', 'summary', 'frozenAt', '_status'],
    group: 'Legal documents',
    description: 'A version\'s text in another language. "Publish" marks it ready: it is frozen with its version, or at once if the version is already published.',
  },
  versions: { drafts: true, maxPerDoc: 0 },
  access: { read: frozenOrStaff, readVersions: isStaff, create: isEditorOrAdmin, update: unfrozenForEditors, delete: unfrozenForEditors },
  hooks: {
    beforeChange: [refuseChangeFrozen, freezeWhenReady],
    afterChange: [recordOnFreeze],
    beforeDelete: [refuseDeleteFrozen],
  },
  indexes: [{ fields: ['version', 'locale'], unique: true }],
  fields: [
    { name: 'version', type: 'relationship', relationTo: 'policy-versions', required: true, index: true },
    // "translate" on a version's Translations panel opens the create view with ?version=&locale=.
    { name: 'presetFromLink', type: 'ui', admin: { components: { Field: '/admin/TranslationPreset#TranslationPreset' } } },
    { name: 'locale', type: 'text', required: true, maxLength: 35, admin: { description: 'A language offered under Languages, e.g. fr.' } },
    { name: 'summary', type: 'textarea', required: true, admin: { description: '"What changed", in this language.' } },
    { name: 'body', type: 'richText', required: true },
    { name: 'policy', type: 'relationship', relationTo: 'policies', index: true, access: setByFreezing, admin: frozen },
    { name: 'versionNumber', type: 'number', access: setByFreezing, admin: frozen },
    { name: 'frozenAt', type: 'date', index: true, access: setByFreezing, admin: { ...frozen, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'frozenBy', type: 'relationship', relationTo: 'users', access: setByFreezing, admin: frozen },
    { name: 'contentHash', type: 'text', access: setByFreezing, admin: { ...frozen, description: 'SHA-256 of the canonical text.' } },
    { name: 'text', type: 'textarea', maxLength: MAX_DOCUMENT_CHARS, access: setByFreezing, admin: { readOnly: true, condition: (data) => Boolean(data?.frozenAt) } },
    { name: 'html', type: 'textarea', maxLength: MAX_DOCUMENT_CHARS, access: setByFreezing, admin: { hidden: true } },
  ],
}
