import { leanQuery } from '../../db/leanQuery'
import { sqlAdapter } from '../../db/sqlSession'
import { oncePerPayload } from '../oncePerPayload'
import { mongoSubjects } from './mongoSubjects'
import { sqlSubjects } from './sqlSubjects'
import type { SubjectStore } from './SubjectStore'

export type { StatusSubject, SubjectFields, SubjectStatusRead, SubjectStore } from './SubjectStore'

/** The subjects of `payload`'s database, chosen once: SQL databases read the hot paths with
 * plain SQL, MongoDB through Payload. */
export const subjectStore = oncePerPayload((payload): SubjectStore => {
  const query = leanQuery(payload)
  const adapter = sqlAdapter(payload)
  return query && adapter ? sqlSubjects(payload, query, adapter.name) : mongoSubjects(payload)
})
