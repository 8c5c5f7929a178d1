import { describe, expect, it } from 'vitest'

import { nextVersionNumber } from '../../src/domain/nextVersionNumber'
import { renderHtml } from '../../src/domain/renderHtml'

describe('renderHtml', () => {
  it('renders document structure', () => {
    expect(renderHtml('## Data Retention\n\n- logs: 13 months\n\n**Bold**')).toBe(
      '<h2 id="data-retention">Data Retention</h2>\n<ul>\n<li>logs: 13 months</li>\n</ul>\n<p><strong>Bold</strong></p>\n',
    )
  })

  it('anchors headings as GitHub does, so a document\'s links to its own sections work', () => {
    const html = renderHtml('## A. Definitions\n\nSee [A. Definitions](#a-definitions).\n\n## A. Definitions\n\n## Terms & *Conditions*\n')
    expect(html).toContain('<h2 id="a-definitions">A. Definitions</h2>')
    expect(html).toContain('<h2 id="a-definitions-1">A. Definitions</h2>')
    expect(html).toContain('<h2 id="terms--conditions">Terms &amp; <em>Conditions</em></h2>')
    expect(html).toContain('href="#a-definitions"')
  })

  it('never shows YAML front matter or HTML comments, and keeps a document that only opens with a rule', () => {
    expect(renderHtml('---\ntitle: Terms\neffective: 2020-01-01\n---\n\n<!-- markdownlint-disable MD001 -->\n\nWe keep logs.\n')).toBe('<p>We keep logs.</p>\n')
    expect(renderHtml('---\n\nWe keep logs.\n\n---\n')).toBe('<hr />\n<p>We keep logs.</p>\n<hr />\n')
  })

  it("renders the document's own strikethrough and underline as <s> and <u>, leaving <del> and <ins> to redlines", () => {
    expect(renderHtml('~~old~~ <del>gone</del> <ins>new</ins>')).toBe('<p><s>old</s> <s>gone</s> <u>new</u></p>\n')
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
