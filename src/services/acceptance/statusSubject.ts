import type { Payload } from 'payload'

import { leanQuery } from '../../db/leanQuery'
import { sqlAdapter } from '../../db/sqlSession'
import { refId } from '../../domain/refId'
import type { Subject } from '../../payload-types'
import { findSubject } from '../findSubject'
import { refuseExternalIdLength } from '../refuseExternalId'
import { CATALOG_FINGERPRINT, catalogFingerprint } from './statusCatalog'

/** What the status check needs of a subject. */
export type StatusSubject = Pick<Subject, 'id' | 'externalId' | 'locale'>

/** A subject, the versions it accepted, and the catalog fingerprint read in the same snapshot. */
export interface SubjectRead {
  subject: StatusSubject
  acceptedVersions: Array<number | string>
  /** Undefined on MongoDB. */
  catalogFingerprint?: string
}

/** One row: the fingerprint, the subject (nulls when unknown) and its accepted version ids,
 * comma-separated (one row is cheaper to hand over than one per acceptance). */
const statusRead = (aggregate: string) => `select ${CATALOG_FINGERPRINT}, s.id, s.external_id as "externalId", s.locale,
  (select ${aggregate} from acceptances a where a.subject_id = s.id) as versions
  from (select 1 as one) one left join subjects s on s.external_id = ?`
const SQLITE = statusRead('group_concat(a.version_id)')
const POSTGRES = statusRead("string_agg(a.version_id::text, ',')")

/**
 * The subject with this external id and the ids of the versions it accepted, with the status
 * catalog's fingerprint: one query on SQL databases, the acceptances answered from the
 * (subject, version) index alone. An unknown subject is created (with `create`) or a 404, as in
 * `findSubject`.
 */
export async function statusSubject(payload: Payload, externalId: string, create = false): Promise<SubjectRead> {
  refuseExternalIdLength(externalId)
  const query = leanQuery(payload)
  if (!query) {
    const subject = await findSubject(payload, externalId, create)
    const { docs } = await payload.find({ collection: 'acceptances', where: { subject: { equals: subject.id } }, select: { version: true }, pagination: false, depth: 0 })
    return { subject, acceptedVersions: docs.flatMap((a) => refId(a.version) ?? []) }
  }
  const [first] = await query(sqlAdapter(payload)?.name === 'postgres' ? POSTGRES : SQLITE, [externalId])
  const fingerprint = catalogFingerprint(first)
  if (first.id === null || first.id === undefined) return { subject: await findSubject(payload, externalId, create), acceptedVersions: [], catalogFingerprint: fingerprint }
  return {
    catalogFingerprint: fingerprint,
    subject: { id: Number(first.id), externalId: String(first.externalId), locale: (first.locale as Subject['locale']) ?? null },
    acceptedVersions: first.versions ? String(first.versions).split(',').map(Number) : [],
  }
}
