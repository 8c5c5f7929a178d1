import type { PayloadRequest } from 'payload'

import { AssentError } from '../../errors/AssentError'
import { policiesStore } from '../../store/policies'

/**
 * Publications of one policy take turns: inside the publishing transaction (`req`), waits for any
 * other publication of the policy to commit, then refuses if this version was published meanwhile.
 * Without it, requests racing on one draft would each number and announce it, and two drafts
 * published at once would both take the next number.
 */
export async function lockForPublishing(req: PayloadRequest, policyId: number | string, versionId?: number | string): Promise<void> {
  await policiesStore(req.payload).lockForPublishing(req, policyId)
  if (versionId === undefined) return
  const current = await req.payload.findByID({ collection: 'policy-versions', id: versionId, req, depth: 0, disableErrors: true, select: { version: true, publishedAt: true } })
  if (current?.publishedAt) {
    throw new AssentError('version_frozen', `Version ${current.version} was published meanwhile and is frozen; draft a new version instead.`)
  }
}
