import type { Payload } from 'payload'

import { erasePersonalData } from './erasePersonalData'
import type { SubjectsStore } from './SubjectsStore'

/** The subject operations every database answers through Payload's Local API. */
export const payloadSubjects = (payload: Payload): Pick<SubjectsStore, 'subjectByExternalId' | 'subjectsByExternalIds' | 'createSubject' | 'updateSubject' | 'erasePersonalData'> => ({
  subjectByExternalId: async (externalId) =>
    (await payload.find({ collection: 'subjects', where: { externalId: { equals: externalId } }, limit: 1, pagination: false, depth: 0 })).docs[0],
  subjectsByExternalIds: async (externalIds, req) =>
    (await payload.find({ collection: 'subjects', where: { externalId: { in: [...externalIds] } }, pagination: false, depth: 0, req })).docs,
  createSubject: (data, req) => payload.create({ collection: 'subjects', data, req, depth: 0 }),
  updateSubject: (id, data, req) => payload.update({ collection: 'subjects', id, data, req, depth: 0 }),
  erasePersonalData: (subjectId, req) => erasePersonalData(payload, subjectId, req),
})
