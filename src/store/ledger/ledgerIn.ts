import type { PayloadRequest } from 'payload'

import { sqlAdapter } from '../../db/sqlSession'
import type { Ledger } from './appendEntries'
import { mongoLedger } from './mongoLedger'
import { postgresSessionLedger } from './postgresLedger'
import { sqliteSessionLedger } from './sqliteLedger'

/** The ledger inside the transaction of a Payload request (`req`), on whichever database
 * Payload runs: the one place that chooses. */
export function ledgerIn(req: PayloadRequest): Ledger<false> {
  const adapter = sqlAdapter(req.payload)
  if (adapter?.name === 'postgres') return postgresSessionLedger(adapter, req)
  if (adapter?.name === 'sqlite') return sqliteSessionLedger(adapter, req)
  return mongoLedger(req)
}
