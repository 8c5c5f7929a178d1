import type { PayloadRequest } from 'payload'

import type { PublishedVersionRef } from '../../domain/publishedVersion'
import type { AcceptanceMode } from '../../domain/versionRules'
import type { PolicyVersion } from '../../payload-types'

/** What lists, timelines and feeds show of a published version (never its text). */
export interface PublishedVersion extends PublishedVersionRef {
  id: PolicyVersion['id']
  changeClass: PolicyVersion['changeClass']
  summary: string
  publishedAt: Date
  contentHash: string
  /** The acceptance mode frozen with the version (null only for one published before modes were frozen). */
  acceptanceMode: AcceptanceMode | null
  /** The language of its text; null for a version published before versions had one (then the
   * site's default is taken as its language). */
  locale: string | null
  /** Its frozen translations, by locale. */
  translations: PublishedTranslation[]
}

/** A frozen translation as lists, status checks and feeds see it (never its text). */
export interface PublishedTranslation {
  id: number | string
  locale: string
  summary: string
  contentHash: string
  /** When it was frozen: its version's publication time, or later when it was added later. */
  addedAt: Date
}

/** A frozen translation with its text and HTML, as readers see it. */
export interface FrozenTranslation extends PublishedTranslation {
  text: string
  html?: string
}

/** A published version as readers see it: its frozen facts, text and HTML, without the editor's
 * document. */
export type FrozenVersion = Omit<PolicyVersion, 'body'>

/** A published version as numbering and the effective-date rules see it. */
export interface PublishedNumber {
  version: number
  effectiveAt: string
}

/**
 * Policies and their versions as publishing and reading need them, on whichever database Payload
 * runs. "Published" has one meaning in every reading: the version carries the `publishedAt` that
 * only publishing writes.
 */
export interface PoliciesStore {
  /** Makes the publishing transaction of `req` the only one publishing policy `policyId` until it
   * ends: another publication of the policy waits for it to commit. */
  lockForPublishing: (req: PayloadRequest, policyId: number | string) => Promise<void>
  /** A policy's published versions, oldest first, as the public may see them (access control on). */
  publishedVersions: (policyId: number | string) => Promise<PublishedVersion[]>
  /** Published version `version` of a policy with its text (and its HTML unless `withHtml` is
   * false), as the public may see it, or undefined. */
  publishedVersion: (policyId: number | string, version: number, withHtml: boolean) => Promise<FrozenVersion | undefined>
  /** The frozen translation of version `versionId` in `locale`, with its text (and its HTML unless
   * `withHtml` is false), or undefined. */
  frozenTranslation: (versionId: number | string, locale: string, withHtml: boolean) => Promise<FrozenTranslation | undefined>
  /** The numbers and effective dates of a policy's published versions, read inside the publishing
   * transaction of `req` (access control off: publishing sees every one). */
  publishedNumbers: (req: PayloadRequest, policyId: number | string) => Promise<PublishedNumber[]>
  /** The status catalog's fingerprint now (`CATALOG_FINGERPRINT`, one statement); undefined on
   * MongoDB, which has none. */
  catalogFingerprint: () => Promise<string | undefined>
}
