import { oncePerPayload } from '../oncePerPayload'
import type { AccessRecordsStore } from './AccessRecordsStore'
import { localApiAccessRecords } from './localApiAccessRecords'

export type { AccessEvent, AccessRecordsStore } from './AccessRecordsStore'

/** The access records of `payload`'s database, chosen once per Payload: through the Local API on
 * SQLite, PostgreSQL and MongoDB alike (a reader without Payload uses `openEvidence`). */
export const accessRecordsStore = oncePerPayload((payload): AccessRecordsStore => localApiAccessRecords(payload))
