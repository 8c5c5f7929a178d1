import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { docArb, editArb, markdownOf, revise } from '../support/markdownRevisions'
import { checkRedlineFidelity } from '../support/redlineFidelity'

describe('the redline reads as both version pages', () => {
  it('without its deletions as the later page and without its insertions as the earlier, inline and side by side, for any revision of any construct', async () => {
    await fc.assert(
      fc.asyncProperty(docArb, fc.array(editArb, { maxLength: 8 }), async (doc, edits) => {
        const from = markdownOf(doc)
        const to = markdownOf(revise(doc, edits))
        expect((await checkRedlineFidelity(from, to)).problems, `${from}\n=== revised to ===\n${to}`).toEqual([])
      }),
      { numRuns: 400 },
    )
  })
})
