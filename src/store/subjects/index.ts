import { leanQuery } from '../../db/leanQuery'
import { sqlAdapter } from '../../db/sqlSession'
import { oncePerPayload } from '../oncePerPayload'
import { mongoSubjects } from './mongoSubjects'
import { sqlSubjects } from './sqlSubjects'
import type { SubjectsStore } from './SubjectsStore'

export type { StatusReadOptions, StatusSubject, SubjectFields, SubjectStatusRead, SubjectsStore, VersionNotice } from './SubjectsStore'

/** The subjects of `payload`'s database, chosen once: SQL databases read the hot paths with
 * plain SQL, MongoDB through Payload. */
export const subjectsStore = oncePerPayload((payload): SubjectsStore => {
  const query = leanQuery(payload)
  const adapter = sqlAdapter(payload)
  return query && adapter ? sqlSubjects(payload, query, adapter.name) : mongoSubjects(payload)
})
