import type { Payload } from 'payload'

import type { Subject } from '../../payload-types'
import { subjectsStore } from '../../store/subjects'
import { refuseExternalId, refuseExternalIdLength } from './refuseExternalId'
import { withTransaction } from '../../store/withTransaction'

/** What the host product says about one of its users. */
export interface SubjectData {
  externalId: string
  email?: string | null
  locale?: string | null
  name?: string | null
}

/** Creates or updates subjects by external id, all in one transaction (bulk initial sync). A new
 * id with edge spaces or control characters refuses the whole batch (400). */
export async function upsertSubjects(payload: Payload, subjects: SubjectData[]): Promise<{ created: number; updated: number; subjects: Subject[] }> {
  for (const { externalId } of subjects) refuseExternalIdLength(externalId)
  const store = subjectsStore(payload)
  return withTransaction(payload, async (req) => {
    const docs = await store.subjectsByExternalIds(subjects.map((s) => s.externalId), req)
    const existing = new Map(docs.map((d) => [d.externalId, d]))
    // All refused before anything is written; existing subjects keep whatever id they have.
    for (const { externalId } of subjects) if (!existing.has(externalId)) refuseExternalId(externalId)
    let created = 0
    const saved: Subject[] = []
    for (const { externalId, ...data } of subjects) {
      const found = existing.get(externalId)
      if (found?.erasedAt) {
        saved.push(found)
        continue
      }
      if (found) saved.push(await store.updateSubject(found.id, data, req))
      else {
        saved.push(await store.createSubject({ externalId, ...data }, req))
        created++
      }
    }
    return { created, updated: saved.length - created, subjects: saved }
  })
}
