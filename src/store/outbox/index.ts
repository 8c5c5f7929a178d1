import type { Payload } from 'payload'

import { sqlAdapter } from '../../db/sqlSession'
import { mongoOutbox } from './mongoOutbox'
import type { OutboxStore } from './OutboxStore'
import { sqlOutbox } from './sqlOutbox'

export type { OutboxStore } from './OutboxStore'
export type * from './outboxRows'
export { standingKey } from './standingKey'

const stores = new WeakMap<Payload, OutboxStore>()

/** The outboxes of `payload`, on whichever database it runs: chosen once per Payload instance. */
export function outboxStore(payload: Payload): OutboxStore {
  let store = stores.get(payload)
  if (!store) {
    const adapter = sqlAdapter(payload)
    store = adapter?.name === 'sqlite' || adapter?.name === 'postgres' ? sqlOutbox(payload, adapter) : mongoOutbox(payload)
    stores.set(payload, store)
  }
  return store
}
