import { describe, expect, it } from 'vitest'

import { approvalDigest } from '../../src/domain/approvalDigest'
import { approvalRefusal } from '../../src/domain/approvalRefusal'

const content = { text: '# Policy\n\nWe keep data for 24 months.\n', changeClass: 'material', summary: 'Adds retention.' }
const digest = approvalDigest(content)

describe('approvalDigest', () => {
  it('changes with the text, the change class or the summary, and ignores surrounding spaces in the summary', () => {
    expect(digest).toMatch(/^[0-9a-f]{64}$/)
    expect(approvalDigest({ ...content, text: content.text.replace('24', '25') })).not.toBe(digest)
    expect(approvalDigest({ ...content, changeClass: 'informational' })).not.toBe(digest)
    expect(approvalDigest({ ...content, summary: 'Adds retention periods.' })).not.toBe(digest)
    expect(approvalDigest({ ...content, summary: '  Adds retention. ' })).toBe(digest)
  })
})

describe('approvalRefusal', () => {
  it('allows anything when the rule does not apply', () => {
    expect(approvalRefusal({ required: false, publisher: 1, digest })).toBeUndefined()
  })

  it('refuses without an approval, with an approval of other content, and when the approver publishes', () => {
    expect(approvalRefusal({ required: true, publisher: 1, digest })?.code).toBe('approval_required')
    expect(approvalRefusal({ required: true, approval: { by: 2, digest: 'other' }, publisher: 1, digest })?.code).toBe('approval_stale')
    expect(approvalRefusal({ required: true, approval: { by: 1, digest }, publisher: 1, digest })?.code).toBe('approval_by_publisher')
    expect(approvalRefusal({ required: true, approval: { by: '1', digest }, publisher: 1, digest })?.code).toBe('approval_by_publisher')
  })

  it('allows a current approval by someone else', () => {
    expect(approvalRefusal({ required: true, approval: { by: 2, digest }, publisher: 1, digest })).toBeUndefined()
  })
})
