import type { Payload } from 'payload'

import { databaseKind } from '../database/databaseKind'
import { openDirectDatabase } from '../../db/directQuery'
import { threadedSqliteReads } from '../../db/threadedSqliteReads'
import { sqlitePath } from '../../db/walDurability'
import type { AccessRecordsStore } from '../accessRecords/AccessRecordsStore'
import { sqlAccessRecords } from '../accessRecords/sqlAccessRecords'
import type { EvidenceStore } from './EvidenceStore'
import { sqlEvidence } from './sqlEvidence'

/** Evidence and access records opened for one reader, and how to let go of them. */
export interface OpenedEvidence {
  evidence: EvidenceStore
  accessRecords: AccessRecordsStore
  close: () => Promise<void>
}

/**
 * Evidence and access records of the database at `databaseUrl`, for a reader that runs alone (the
 * export CLI): on SQLite and PostgreSQL straight from SQL, without loading Payload (the schema is
 * the migrations'), so memory stays small and the reads are those the audit route makes; on
 * MongoDB through Payload, which `startPayload` boots (loaded only then, for the same reason).
 */
export async function openEvidence(databaseUrl: string, startPayload: () => Promise<Payload>): Promise<OpenedEvidence> {
  if (databaseKind(databaseUrl) === 'mongodb') {
    const [{ evidenceStore }, { accessRecordsStore }, { closeDatabase }] = await Promise.all([import('./index'), import('../accessRecords'), import('../database/closeDatabase')])
    const payload = await startPayload()
    return { evidence: evidenceStore(payload), accessRecords: accessRecordsStore(payload), close: () => closeDatabase(payload) }
  }
  // An export reads the whole file once: through the page cache, not a map that would count it all
  // as this process's memory.
  const db = await openDirectDatabase(databaseUrl, { memoryMapped: false })
  // Each page of an export looks up its rows' subjects one by one, each a different subject:
  // PostgreSQL's cache in front of those lookups (Memoize) is never hit, and an export of 1,000,000
  // acceptances took about a fifth longer with it (6.6 to 7.4 s against 5.4 to 6.5, alternated).
  if (db.dialect === 'postgres') await db.query('set enable_memoize = off', [])
  // On SQLite a CSV export's pages are read on a thread of their own, while this one writes.
  const path = db.dialect === 'sqlite' ? sqlitePath(databaseUrl) : undefined
  const reads = path ? threadedSqliteReads(path) : undefined
  return {
    evidence: sqlEvidence(db.query, db.dialect, db.cells, reads?.query, db.copyOut),
    accessRecords: sqlAccessRecords(db.query),
    close: async () => {
      await reads?.close()
      await db.close()
    },
  }
}
