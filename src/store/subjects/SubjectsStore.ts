import type { PayloadRequest } from 'payload'

import type { PresentedApiKey } from '../../domain/apiKey'
import type { NoticeFact } from '../../domain/deemedAcceptance'
import type { Subject } from '../../payload-types'
import type { StoredApiKey } from '../apiKeys'

/** What the status check needs of a subject. */
export type StatusSubject = Pick<Subject, 'id' | 'externalId' | 'locale'>

/** What the host product may say about a subject besides its external id. */
export type SubjectFields = Partial<Pick<Subject, 'email' | 'locale' | 'name'>>

/** A subject (undefined when none has the external id), the versions it accepted, and the status
 * catalog's fingerprint, read in the same snapshot. */
export interface SubjectStatusRead {
  subject: StatusSubject | undefined
  acceptedVersions: Array<number | string>
  /** Undefined where the database has no lean read (MongoDB). */
  catalogFingerprint?: string
  /** Asked for with `notices`: the notices that reached the subject of versions newer (by id)
   * than the newest it accepted, all of them, read in the same snapshot (none when it accepted
   * nothing). Undefined where the store reads them apart (MongoDB, or SQL when one of them is not
   * as the read writes it): then `noticesOf` reads them. */
  recentNotices?: VersionNotice[]
  /** Asked for with `apiKey`: the stored key with its hash, null when there is none. */
  apiKey?: StoredApiKey | null
}

/** A notice, with the version it told of. */
export interface VersionNotice extends NoticeFact {
  versionId: number
}

/** What a status read reads besides the subject and its acceptances. */
export interface StatusReadOptions {
  /** The notices that reached the subject of versions newer than the newest it accepted (the
   * status check's continued-use acceptances hang on them). */
  notices?: boolean
  /** The API key the request presents, read in the same snapshot (on SQL databases, the same
   * statement). The subject is then returned, and its acceptances and notices read, only if that
   * key is unrevoked and of its scope (on SQL databases, one index lookup of the id is all the
   * read does with it otherwise); the caller checks the key (`SubjectStatusRead.apiKey`) before
   * using anything read. */
  apiKey?: PresentedApiKey
}

/**
 * Where subjects are kept, on whichever database Assent runs (`subjectsStore` chooses once).
 * Operations given `req` run inside that request's transaction.
 */
export interface SubjectsStore {
  /** Every status check and acceptance starts here: on SQL databases one query, the acceptances
   * answered from the (subject, version) index alone. */
  statusRead: (externalId: string, options?: StatusReadOptions) => Promise<SubjectStatusRead>
  /** The subject's notices of one version (a status check of a continued-use policy asks, where its
   * status read did not carry them). */
  noticesOf: (subjectId: number, versionId: number) => Promise<NoticeFact[]>
  /** The subject with this external id, or undefined. */
  subjectByExternalId: (externalId: string) => Promise<Subject | undefined>
  /** The subjects with these external ids, in no particular order. */
  subjectsByExternalIds: (externalIds: readonly string[], req: PayloadRequest) => Promise<Subject[]>
  /** Creates a subject; a unique index refuses a second one with the same external id. */
  createSubject: (data: SubjectFields & { externalId: string }, req?: PayloadRequest) => Promise<Subject>
  /** Changes what the host product says about a subject. */
  updateSubject: (id: number, data: SubjectFields, req: PayloadRequest) => Promise<Subject>
  /** Erasure's part below the insert-only collections: the subject's personal data removed from
   * its acceptances and notices. */
  erasePersonalData: (subjectId: number, req: PayloadRequest) => Promise<void>
}
