import type { Payload } from 'payload'

import type { AccessRecords } from './AccessRecords'
import { localApiAccessRecords } from './localApiAccessRecords'

export type { AccessEvent, AccessRecords } from './AccessRecords'

const stores = new WeakMap<Payload, AccessRecords>()

/** The access records of `payload`'s database, chosen once per Payload: through the Local API on
 * SQLite, PostgreSQL and MongoDB alike (a reader without Payload uses `openEvidence`). */
export function accessRecordsStore(payload: Payload): AccessRecords {
  let store = stores.get(payload)
  if (!store) stores.set(payload, (store = localApiAccessRecords(payload)))
  return store
}
