import type { Payload, TypedUser } from 'payload'

import { hasRole } from '../../access/roles'
import { approvalDigest } from '../../domain/approvalDigest'
import { AssentError } from '../../errors/AssentError'
import { draftText } from './draftText'
import { findDraft } from './findDraft'

/** A recorded approval. */
export interface Approval {
  approvedBy: number | string
  approvedAt: string
}

/**
 * A second editor approves draft `id` as saved: its text, change class and summary. The approval
 * covers exactly that content (a digest of it); any later edit voids it. The approver cannot
 * also be the one who publishes (checked when publishing).
 */
export async function approveVersion(payload: Payload, user: TypedUser, id: string): Promise<Approval> {
  if (!hasRole(user, 'editor', 'admin')) throw new AssentError('forbidden', 'Only editors and admins approve versions.')
  const { version } = await findDraft(payload, user, id, { unpublished: true })
  const missing = (['changeClass', 'summary', 'body'] as const).filter((f) => !version[f])
  if (missing.length > 0) throw new AssentError('validation_failed', `To approve, the draft needs: ${missing.join(', ')}.`, { fields: missing })
  const digest = approvalDigest({ text: await draftText(payload.config, version.body), changeClass: version.changeClass!, summary: version.summary! })
  const approvedAt = new Date().toISOString()
  // The approval fields are closed to every form and API caller; this is the one path that sets them.
  await payload.update({ collection: 'policy-versions', id, data: { approvedBy: user.id, approvedAt, approvalDigest: digest } as never, draft: true, depth: 0 })
  return { approvedBy: user.id, approvedAt }
}
