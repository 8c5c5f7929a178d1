import type { Payload } from 'payload'

import { leanQuery } from '../../db/leanQuery'
import { sqlAdapter } from '../../db/sqlSession'
import { mongoSubjects } from './mongoSubjects'
import { sqlSubjects } from './sqlSubjects'
import type { SubjectStore } from './SubjectStore'

export type { StatusSubject, SubjectFields, SubjectStatusRead, SubjectStore } from './SubjectStore'

const stores = new WeakMap<Payload, SubjectStore>()

/** The subjects of `payload`'s database, chosen once: SQL databases read the hot paths with
 * plain SQL, MongoDB through Payload. */
export function subjectStore(payload: Payload): SubjectStore {
  let store = stores.get(payload)
  if (!store) {
    const query = leanQuery(payload)
    const adapter = sqlAdapter(payload)
    store = query && adapter ? sqlSubjects(payload, query, adapter.name) : mongoSubjects(payload)
    stores.set(payload, store)
  }
  return store
}
