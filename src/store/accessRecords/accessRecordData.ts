import type { AccessEvent } from './AccessRecordsStore'

/** Longest detail kept: filters and id lists beyond it are cut, the record itself never refused. */
const DETAIL_LIMIT = 2000

/** The stored form of an access record, whichever way it is written. */
export const accessRecordData = (event: AccessEvent, at = new Date()) => ({ ...event, detail: event.detail?.slice(0, DETAIL_LIMIT) ?? null, count: event.count ?? null, at: at.toISOString() })
