import type { Payload } from 'payload'

import type { AccessRecordsStore } from './AccessRecordsStore'
import { accessRecordData } from './accessRecordData'

/**
 * Access records through Payload's Local API, on every database Payload runs on: the collection's
 * validation and hooks apply. The context marks the write as an access record for hooks that ask.
 */
export const localApiAccessRecords = (payload: Payload): AccessRecordsStore => ({
  recordAccess: async (event) => {
    await payload.create({ collection: 'access-records', data: accessRecordData(event), context: { accessRecord: true } })
  },
})
