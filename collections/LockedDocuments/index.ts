import type { SanitizedConfig } from 'payload'

import { editorAdminOrLockHolder } from '../../src/access/editorAdminOrLockHolder'
import { locksInOwnName } from '../../src/access/locksInOwnName'

/** Payload's document locks collection, which Payload adds itself while building the config. */
export const LOCKED_DOCUMENTS = 'payload-locked-documents'

/**
 * Sets who may lock documents on Payload's `payload-locked-documents`, whose default lets any
 * logged-in user lock any document in anyone's name (an auditor's lock held an admin's edit off
 * with 423). Payload builds that collection during sanitizing, with no option for its access, so
 * the rules go onto the built config. Reading stays with any staff member: the admin shows who
 * holds a lock.
 */
export function guardDocumentLocks(config: SanitizedConfig): SanitizedConfig {
  const locks = config.collections.find((collection) => collection.slug === LOCKED_DOCUMENTS)
  if (locks) locks.access = { ...locks.access, create: locksInOwnName, update: locksInOwnName, delete: editorAdminOrLockHolder }
  return config
}
