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
  /** The numbers and effective dates of a policy's published versions, read inside the publishing
   * transaction of `req` (access control off: publishing sees every one). */
  publishedNumbers: (req: PayloadRequest, policyId: number | string) => Promise<PublishedNumber[]>
}
