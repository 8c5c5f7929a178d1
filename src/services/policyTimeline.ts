import type { Payload } from 'payload'

import type { PublishedVersionRef } from '../domain/publishedVersion'
import { upcomingVersions } from '../domain/upcomingVersions'
import { versionInForce } from '../domain/versionInForce'
import type { PolicyVersion } from '../payload-types'
import { findPolicyBySlug } from './findPolicyBySlug'

type Published = Omit<PolicyVersion, 'version' | 'effectiveAt'> & PublishedVersionRef

/** A policy's published versions as the public may see them (access control on). */
async function publishedVersions(payload: Payload, policyId: number | string): Promise<Published[]> {
  const { docs } = await payload.find({
    collection: 'policy-versions',
    where: { and: [{ policy: { equals: policyId } }, { _status: { equals: 'published' } }] },
    sort: 'version',
    pagination: false,
    depth: 0,
    overrideAccess: false,
  })
  return docs.map((doc) => ({ ...doc, version: doc.version as number, effectiveAt: new Date(doc.effectiveAt as string) }))
}

/** Where a policy stands at `at`: the version in force and those published but not yet in force. */
export interface PolicyTimeline {
  inForce?: PolicyVersion
  upcoming: PolicyVersion[]
}

const asStored = (v: Published): PolicyVersion => ({ ...v, effectiveAt: v.effectiveAt.toISOString() })

export async function policyTimeline(payload: Payload, slug: string, at: Date): Promise<PolicyTimeline> {
  const policy = await findPolicyBySlug(payload, slug)
  const versions = await publishedVersions(payload, policy.id)
  const inForce = versionInForce(versions, at)
  return { inForce: inForce && asStored(inForce), upcoming: upcomingVersions(versions, at).map(asStored) }
}
