import type { SanitizedConfig } from 'payload'

import { approvalDigest } from '../../domain/approvalDigest'
import { draftText } from './draftText'

/** The fields of a saved draft the two-person rule looks at. */
export interface ApprovedDraft {
  body?: unknown
  changeClass?: string | null
  summary?: string | null
  approvedBy?: unknown
  approvalDigest?: string | null
}

/** Whether a draft carries an approval that still covers it as saved (no edit to its text, class
 * or summary since). */
export async function approvalCoversDraft(config: SanitizedConfig, draft: ApprovedDraft): Promise<boolean> {
  if (draft.approvedBy == null || !draft.approvalDigest || !draft.changeClass || !draft.summary) return false
  return approvalDigest({ text: await draftText(config, draft.body), changeClass: draft.changeClass, summary: draft.summary }) === draft.approvalDigest
}
