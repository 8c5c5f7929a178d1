import { oncePerPayload } from '../oncePerPayload'
import type { AccessRecords } from './AccessRecords'
import { localApiAccessRecords } from './localApiAccessRecords'

export type { AccessEvent, AccessRecords } from './AccessRecords'

/** The access records of `payload`'s database, chosen once per Payload: through the Local API on
 * SQLite, PostgreSQL and MongoDB alike (a reader without Payload uses `openEvidence`). */
export const accessRecordsStore = oncePerPayload((payload): AccessRecords => localApiAccessRecords(payload))
