import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import type { DatabaseKind } from '../../store/database/databaseKind'

/** `GET /healthz`: 200 with the database kind and app version when the database answers. */
export function healthz(payload: Payload, database: DatabaseKind, version: string): RequestHandler {
  return async (_req, res) => {
    try {
      await payload.count({ collection: 'policies' })
      res.json({ status: 'ok', database, version })
    } catch {
      res.status(503).json({ status: 'unavailable', database, version })
    }
  }
}
