import type { CollectionBeforeChangeHook } from 'payload'

import { AssentError } from '../../../src/errors/AssentError'

/** A frozen translation never changes, whoever asks and by whatever path. */
export const refuseChangeFrozen: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (originalDoc?.frozenAt) {
    throw new AssentError('version_frozen', `The ${originalDoc.locale} translation of version ${originalDoc.versionNumber} is frozen; translate a new version instead.`)
  }
  return data
}
