import type { Payload, Where } from 'payload'

import type { ExportFilter } from '../../domain/exportFilter'
import { AssentError } from '../../errors/AssentError'
// The one store import of a service: the subject lookup refuses a malformed or unknown id exactly
// as every other route does, and this export has always answered with it on MongoDB.
import { findSubject } from '../../services/subjects/findSubject'
import type { ExportRow } from './exportRow'

/** Rows per page: memory stays flat however many rows there are. */
const PAGE = 2000

/** The Payload query of a filter; policy and subject are looked up (an unknown one is refused by name). */
async function exportWhere(payload: Payload, filter: ExportFilter): Promise<Where> {
  const and: Where[] = []
  const dateField = filter.type === 'acceptances' ? 'acceptedAt' : 'createdAt'
  if (filter.policy) {
    const { docs } = await payload.find({ collection: 'policies', where: { slug: { equals: filter.policy } }, limit: 1, pagination: false, depth: 0 })
    if (!docs[0]) throw new AssentError('validation_failed', `policy: there is no policy "${filter.policy}".`, { fields: [{ field: 'policy', message: 'unknown policy' }] })
    and.push({ policy: { equals: docs[0].id } })
  }
  if (filter.version) and.push({ versionNumber: { equals: filter.version } })
  if (filter.from) and.push({ [dateField]: { greater_than_equal: new Date(filter.from).toISOString() } })
  if (filter.to) and.push({ [dateField]: { less_than: new Date(filter.to).toISOString() } })
  if (filter.subject) and.push({ subject: { equals: (await findSubject(payload, filter.subject)).id } })
  return { and }
}

/** How many rows a filter selects (for progress). */
export async function countMongoExport(payload: Payload, filter: ExportFilter): Promise<number> {
  return (await payload.count({ collection: filter.type, where: await exportWhere(payload, filter) })).totalDocs
}

/**
 * The rows of an export through Payload's Local API, page by page in id order (keyset pagination:
 * each page starts after the last id of the one before, so a page costs the same at row 10 as at
 * row 1,000,000), with subject external ids and policy slugs filled in.
 */
export async function* mongoExportRows(payload: Payload, filter: ExportFilter): AsyncGenerator<ExportRow> {
  const where = await exportWhere(payload, filter)
  const { docs: policies } = await payload.find({ collection: 'policies', pagination: false, depth: 0, select: { slug: true } })
  const slugs = new Map(policies.map((p) => [String(p.id), p.slug]))
  let after: number | string | undefined
  for (;;) {
    const page = await payload.find({
      collection: filter.type,
      where: after === undefined ? where : { and: [where, { id: { greater_than: after } }] },
      sort: 'id',
      limit: PAGE,
      pagination: false,
      depth: 0,
    })
    if (page.docs.length === 0) return
    const subjectIds = [...new Set(page.docs.map((d) => d.subject as number | string))]
    const { docs: subjects } = await payload.find({ collection: 'subjects', where: { id: { in: subjectIds } }, select: { externalId: true }, pagination: false, depth: 0 })
    const externalIds = new Map(subjects.map((s) => [String(s.id), s.externalId]))
    for (const doc of page.docs as unknown as Array<Record<string, unknown>>) {
      const row: ExportRow = { ...doc, subject: externalIds.get(String(doc.subject)) ?? null, policy: slugs.get(String(doc.policy)) ?? null, version: doc.versionNumber }
      if (filter.type === 'acceptances') row.notices = Array.isArray(doc.notices) ? (doc.notices as Array<{ id: unknown }>).map((n) => n.id).join(' ') : ''
      yield row
    }
    after = page.docs.at(-1)!.id
    if (page.docs.length < PAGE) return
  }
}
