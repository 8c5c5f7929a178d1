import { createHash } from 'node:crypto'

import canonicalize from 'canonicalize'

/** What a second editor approves: the exact text, its change class and its public summary. */
export interface ApprovedContent {
  text: string
  changeClass: string
  summary: string
}

/** SHA-256 over the canonical JSON of what was approved: any later edit to the text, the class or
 * the summary gives another digest, so the approval no longer covers it. */
export function approvalDigest({ text, changeClass, summary }: ApprovedContent): string {
  return createHash('sha256').update(canonicalize({ text, changeClass, summary: summary.trim() })!).digest('hex')
}
