import type { PayloadRequest } from 'payload'

import type { Ledger } from './appendEntries'

/**
 * MongoDB, inside the transaction of a Payload request, through the Local API: transactions
 * there need a replica set, and the unique index on `seq` refuses a number handed out twice.
 */
export const mongoLedger = (req: PayloadRequest): Ledger<false> => ({
  sync: false,
  lastSeq: async () => {
    const { docs } = await req.payload.find({ collection: 'ledger-entries', sort: '-seq', limit: 1, pagination: false, depth: 0, select: { seq: true }, req })
    return docs[0]?.seq ?? 0
  },
  insert: async (rows) => {
    for (const data of rows) await req.payload.create({ collection: 'ledger-entries', data, req })
  },
})
