/** What the two-person rule looks at when a version is published. */
export interface ApprovalFacts {
  /** The policy asks for a second editor on material versions, and this one is material. */
  required: boolean
  /** The recorded approval, if any. */
  approval?: { by: number | string; digest: string }
  /** Who is publishing now. */
  publisher?: number | string
  /** `approvalDigest` of what is being published. */
  digest: string
}

export type ApprovalRefusal = {
  code: 'approval_required' | 'approval_stale' | 'approval_by_publisher'
  message: string
}

/**
 * The two-person rule as a verdict: `undefined` when the version may be published, else why
 * not. The approval must come from someone other than the publisher and cover exactly what is
 * published (text, change class, summary).
 */
export function approvalRefusal({ required, approval, publisher, digest }: ApprovalFacts): ApprovalRefusal | undefined {
  if (!required) return undefined
  if (!approval) {
    return { code: 'approval_required', message: 'This policy needs a second editor to approve a material version before it is published: ask another editor to open the draft and approve it.' }
  }
  if (approval.digest !== digest) {
    return { code: 'approval_stale', message: 'The text, change class or summary changed after the approval: ask for approval again.' }
  }
  if (publisher != null && String(approval.by) === String(publisher)) {
    return { code: 'approval_by_publisher', message: 'You approved this version: someone else must publish it, so that two people have seen it.' }
  }
  return undefined
}
