import type { CollectionConfig } from 'payload'
import { text, type TextFieldValidation } from 'payload/shared'

import { isAdmin } from '../../src/access/isAdmin'
import { isAdminOrAuditor } from '../../src/access/isAdminOrAuditor'
import { nobody } from '../../src/access/nobody'
import { externalIdProblem } from '../../src/domain/externalId'
import { logAuditorReads } from '../../src/hooks/logAuditorReads'
import { recordOnCreate } from './hooks/recordOnCreate'
import { refuseIdentityChange } from './hooks/refuseIdentityChange'

/**
 * The host product's end users, who accept policies. Never deleted: erasure pseudonymises a
 * subject (`erasedAt`) so that the evidence about them still verifies.
 */
export const Subjects: CollectionConfig = {
  slug: 'subjects',
  admin: { useAsTitle: 'externalId', defaultColumns: ['externalId', 'email', 'name', 'locale'], group: 'People' },
  access: { read: isAdminOrAuditor, create: isAdmin, update: isAdmin, delete: nobody },
  hooks: { beforeChange: [refuseIdentityChange], afterChange: [recordOnCreate], afterOperation: [logAuditorReads] },
  fields: [
    {
      name: 'externalId',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { description: "The host product's user id, exactly as it stores it. It never changes once the subject exists: the ledger binds every acceptance and notice to it." },
      // A new id with edge spaces or control characters is refused; an existing one stays as it is.
      validate: ((value, options) => {
        if (typeof value === 'string' && value !== options.previousValue) {
          const problem = externalIdProblem(value)
          if (problem) return `The external id ${problem}.`
        }
        return text(value, options)
      }) satisfies TextFieldValidation,
    },
    { name: 'email', type: 'email' },
    { name: 'locale', type: 'text', defaultValue: 'en' },
    { name: 'name', type: 'text' },
    { name: 'erasedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'erase', type: 'ui', admin: { position: 'sidebar', components: { Field: '/admin/EraseSubjectButton#EraseSubjectButton' } } },
    {
      name: 'externalIdHash',
      type: 'text',
      index: true,
      admin: { readOnly: true, description: 'Set at erasure: SHA-256 of the former external id, so its evidence pack can still be found.' },
    },
  ],
}
