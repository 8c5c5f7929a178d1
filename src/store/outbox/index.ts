import { sqlAdapter } from '../../db/sqlSession'
import { oncePerPayload } from '../oncePerPayload'
import { mongoOutbox } from './mongoOutbox'
import type { OutboxStore } from './OutboxStore'
import { sqlOutbox } from './sqlOutbox'

export type { OutboxStore } from './OutboxStore'
export type * from './outboxRows'
export { standingKey } from './standingKey'

/** The outboxes of `payload`, on whichever database it runs: chosen once per Payload instance. */
export const outboxStore = oncePerPayload((payload): OutboxStore => {
  const adapter = sqlAdapter(payload)
  return adapter?.name === 'sqlite' || adapter?.name === 'postgres' ? sqlOutbox(payload, adapter) : mongoOutbox(payload)
})
