import type { Payload } from 'payload'

import { AssentError } from '../errors/AssentError'
import type { Policy, PolicyVersion } from '../payload-types'
import { findPolicyBySlug } from './findPolicyBySlug'

/** A published version as readers see it: its frozen facts, text and HTML, without the editor's
 * document. */
export type FrozenVersion = Omit<PolicyVersion, 'body'>

/** Published version `version` of the policy `slug`, or a 404 refusal. `withHtml: false` leaves
 * out its HTML too (a redline needs the text only). */
export async function findVersion(payload: Payload, slug: string, version: number, withHtml = true): Promise<{ policy: Policy; version: FrozenVersion }> {
  const policy = await findPolicyBySlug(payload, slug)
  const { docs } = await payload.find({
    collection: 'policy-versions',
    where: { and: [{ policy: { equals: policy.id } }, { version: { equals: version } }, { _status: { equals: 'published' } }] },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    // The editor's document is not shown: its frozen text and HTML are. Reading a long one
    // (a megabyte of JSON, walked by the rich-text field's hooks) would hold the event loop.
    select: withHtml ? { body: false } : { body: false, html: false },
  })
  if (!docs[0]) throw new AssentError('version_not_found', `${policy.title} has no published version ${version}.`)
  return { policy, version: docs[0] }
}
