import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { AssentError } from '../errors/AssentError'

/** Evidence is insert-only: no one updates a record of it, admins included, by any path. */
export const refuseUpdate: CollectionBeforeChangeHook = ({ data, operation, collection }) => {
  if (operation === 'update') throw new AssentError('record_immutable', `${collection.labels.plural as string} are insert-only.`)
  return data
}

/** Evidence is insert-only: no one deletes a record of it. */
export const refuseDelete: CollectionBeforeDeleteHook = ({ collection }) => {
  throw new AssentError('record_immutable', `${collection.labels.plural as string} are insert-only.`)
}
