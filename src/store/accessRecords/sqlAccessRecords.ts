import type { RowQuery } from '../../db/directQuery'
import type { AccessRecordsStore } from './AccessRecordsStore'
import { accessRecordData } from './accessRecordData'

const INSERT = 'insert into access_records (at, actor, action, resource, detail, count, updated_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)'

/** Access records written straight to SQLite or PostgreSQL, for a lean reader that runs
 * without Payload (the export CLI); the table is the migrations'. */
export const sqlAccessRecords = (query: RowQuery): AccessRecordsStore => ({
  recordAccess: async (event) => {
    const r = accessRecordData(event)
    await query(INSERT, [r.at, r.actor, r.action, r.resource, r.detail, r.count, r.at, r.at])
  },
})
