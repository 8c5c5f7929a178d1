import { describe, expect, it } from 'vitest'

import { redline } from '../src/domain/redline'
import { inlineRedlineHtml, sideBySideRedlineHtml } from '../src/http/views/redlineHtml'

describe('the redline as readers see it', () => {
  it("drops Markdown's backslash escapes and keeps HTML escaped", () => {
    const changes = redline('We keep support\\_tickets for **one** year.\n', 'We keep support\\_tickets for **two** years \\<script\\>.\n')
    for (const html of [inlineRedlineHtml(changes), sideBySideRedlineHtml(changes)]) {
      expect(html).toContain('support_tickets')
      expect(html).not.toContain('\\_')
      expect(html).toContain('&lt;script&gt;')
      expect(html).not.toContain('<script>')
    }
  })
})
