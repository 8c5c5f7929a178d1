import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { parseAnyHtml } from '../../src/domain/htmlTree'
import { parsePlainHtml } from '../../src/domain/plainHtml'
import { renderHtml } from '../../src/domain/renderHtml'
import { docArb, editArb, markdownOf, revise } from '../support/markdownRevisions'

/** Pieces of HTML, the page's and others a general parser reads differently: tags it closes by
 * itself, stray and mismatched closings, entities, comments, other elements, odd spacing. */
const piece = fc.constantFrom(
  '<p>', '</p>', '<li>', '</li>', '<ul>', '</ul>', '<h2 id="a-b">', '</h2>', '<a href="https://example.com/?a=1&amp;b=2" rel="noopener noreferrer">', '<a href="x">', '</a>',
  '<strong>', '</strong>', '<br />', '<br>', '<br/>', '</br>', '<hr />', '<hr>', '</hr>', '<table>', '<tr>', '<td align="right">', '</td>', '</tr>', '<tbody>', '</tbody>', '<thead>', '</thead>', '<th>', '</th>', '</table>',
  '<pre><code>', '</code></pre>', '<blockquote>', '</blockquote>', '<P>', '<p >', '<p class="x">', '<p id="1" id="2">', '<span>', '</span>', '<img src="x">', '<!-- note -->', '<script>', '<svg>', '<title>',
  'text', ' ', '\n', 'a &amp; b', '&lt;x&gt;', '&quot;q&quot;', '&#39;', '&amp', '&nbsp;', '&#169;', '&', 'a < b', '>', '“quoted”', '\0', '\r\n', '<', '</', '</ p>', '<p/>',
)

describe('a version page read by one scan', () => {
  it('reads every rendered page as the general parser does, and reads it itself', () => {
    fc.assert(
      fc.property(docArb, fc.array(editArb, { maxLength: 4 }), (doc, edits) => {
        for (const html of [renderHtml(markdownOf(doc)), renderHtml(markdownOf(revise(doc, edits)))]) {
          const plain = parsePlainHtml(html)
          expect(plain, html).toBeDefined()
          expect(plain).toEqual(parseAnyHtml(html))
        }
      }),
      { numRuns: 500 },
    )
  })

  it('reads any other HTML as the general parser does, or leaves it to it', () => {
    let read = 0
    let left = 0
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const html = pieces.join('')
        const plain = parsePlainHtml(html)
        if (plain === undefined) left++
        else {
          read++
          expect(plain, html).toEqual(parseAnyHtml(html))
        }
      }),
      { numRuns: 5000 },
    )
    // Both sides of the test were exercised: pages it read itself and pages it left.
    expect(read).toBeGreaterThan(100)
    expect(left).toBeGreaterThan(100)
  })

  it('leaves what it does not know to the general parser', () => {
    for (const html of ['<p>a<p>b</p>', '<p>a</b>', '<div>a</div>', '<p>a &copy; b</p>', '<p>a & b</p>', '<!-- c --><p>a</p>', '<p>a', '</p>', '<P>a</P>', "<a href='x'>a</a>", '<p/>'])
      expect(parsePlainHtml(html), html).toBeUndefined()
  })
})
