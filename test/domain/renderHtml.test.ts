import { describe, expect, it } from 'vitest'

import { nextVersionNumber } from '../../src/domain/nextVersionNumber'
import { renderHtml } from '../../src/domain/renderHtml'

describe('renderHtml', () => {
  it('renders document structure', () => {
    expect(renderHtml('## Data Retention\n\n- logs: 13 months\n\n**Bold**')).toBe(
      '<h2>Data Retention</h2>\n<ul>\n<li>logs: 13 months</li>\n</ul>\n<p><strong>Bold</strong></p>\n',
    )
  })

  it('drops script tags and event handlers from raw HTML in Markdown', () => {
    const html = renderHtml('Hi <script>alert(1)</script><img src=x onerror="alert(2)"> <b onclick="x()">b</b>')
    expect(html).not.toMatch(/script|onerror|onclick|<img/i)
  })

  it('strips javascript: and data: links but keeps https and mailto', () => {
    const html = renderHtml('[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.com) [d](mailto:privacy@example.com)')
    expect(html).not.toMatch(/javascript:|data:/)
    expect(html).toContain('href="https://example.com"')
    expect(html).toContain('href="mailto:privacy@example.com"')
  })
})

describe('nextVersionNumber', () => {
  it('starts at 1 and follows the highest number, gaps included', () => {
    expect(nextVersionNumber([])).toBe(1)
    expect(nextVersionNumber([1, 2, 5])).toBe(6)
  })
})
