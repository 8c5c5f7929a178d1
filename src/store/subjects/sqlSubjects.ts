import type { Payload } from 'payload'

import type { RowQuery } from '../../db/directQuery'
import type { NoticeFact } from '../../domain/deemedAcceptance'
import type { Subject } from '../../payload-types'
import { CATALOG_FINGERPRINT, catalogFingerprint } from './catalogFingerprint'
import { payloadSubjects } from './payloadSubjects'
import type { SubjectsStore } from './SubjectsStore'

/** One row: the fingerprint, the subject (nulls when unknown) and its accepted version ids,
 * comma-separated (one row is cheaper to hand over than one per acceptance). */
const statusRead = (aggregate: string) => `select ${CATALOG_FINGERPRINT}, s.id, s.external_id as "externalId", s.locale,
  (select ${aggregate} from acceptances a where a.subject_id = s.id) as versions
  from (select 1 as one) one left join subjects s on s.external_id = ? limit 1`
const STATUS_READ = { sqlite: statusRead('group_concat(a.version_id)'), postgres: statusRead("string_agg(a.version_id::text, ',')") }
const NOTICES_OF = 'select id, channel, status, reached_at as "reachedAt" from notices where subject_id = ? and version_id = ?'

/**
 * SQLite and PostgreSQL: the hot reads go through the lean reader (`leanQuery`: Assent's own
 * connection on a SQLite file, Payload's pool with named statements on PostgreSQL, Payload's
 * connection otherwise), the rest through Payload.
 */
export function sqlSubjects(payload: Payload, query: RowQuery, dialect: 'sqlite' | 'postgres'): SubjectsStore {
  const text = STATUS_READ[dialect]
  return {
    ...payloadSubjects(payload),
    statusRead: async (externalId) => {
      const [first] = await query(text, [externalId])
      const fingerprint = catalogFingerprint(first)
      if (first.id === null || first.id === undefined) return { subject: undefined, acceptedVersions: [], catalogFingerprint: fingerprint }
      return {
        catalogFingerprint: fingerprint,
        subject: { id: Number(first.id), externalId: String(first.externalId), locale: (first.locale as Subject['locale']) ?? null },
        acceptedVersions: first.versions ? String(first.versions).split(',').map(Number) : [],
      }
    },
    noticesOf: async (subjectId, versionId) =>
      (await query(NOTICES_OF, [subjectId, versionId])).map((n) => ({ id: n.id as NoticeFact['id'], channel: n.channel as NoticeFact['channel'], status: n.status as NoticeFact['status'], at: n.reachedAt ? new Date(n.reachedAt as string) : undefined })),
  }
}
