import type { Payload } from 'payload'

import type { DayCount } from '../../domain/dailySeries'
import type { EvidenceStore } from './EvidenceStore'
import { countMongoExport, mongoExportRows } from './mongoExportRows'

/**
 * Evidence on MongoDB, through Payload's Local API. Exports stream as rows (`writeExport` writes
 * their CSV). Acceptances per day are not counted here: every version gets an empty list, so the
 * dashboard's chart shows each version's total before the period and no days in it.
 */
export const mongoEvidence = (payload: Payload): EvidenceStore => ({
  countExport: (filter) => countMongoExport(payload, filter),
  exportRows: (filter) => mongoExportRows(payload, filter),
  acceptancesPerDay: async (versionIds) => new Map<string, DayCount[]>(versionIds.map((id) => [String(id), []])),
  acceptedLater: async (policyId, versionId, version) => {
    const subjectsOf = async (where: object) =>
      new Set((await payload.find({ collection: 'acceptances', where: where as never, select: { subject: true }, pagination: false, depth: 0 })).docs.map((d) => String(d.subject)))
    const [later, here] = await Promise.all([
      subjectsOf({ and: [{ policy: { equals: policyId } }, { versionNumber: { greater_than: version } }] }),
      subjectsOf({ version: { equals: versionId } }),
    ])
    return [...later].filter((s) => !here.has(s)).length
  },
})
