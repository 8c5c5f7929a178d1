import type { Payload } from 'payload'

import { policiesStore, type PublishedVersion } from '../../store/policies'

export type { PublishedVersion } from '../../store/policies'

/** A policy's published versions, oldest first, as the public may see them (access control on). */
export const publishedVersions = (payload: Payload, policyId: number | string): Promise<PublishedVersion[]> =>
  policiesStore(payload).publishedVersions(policyId)
