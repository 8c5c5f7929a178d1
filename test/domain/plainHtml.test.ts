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
  'text', ' ', '\n', 'a &amp; b', '&lt;x&gt;', '&quot;q&quot;', '&#39;', '&amp', '&nbsp;', '&#169;', '&', 'a < b', '>', '“quoted”', '\0', '\r\n', '<', '</', '</ p>', '<p/>', '<p />', '<strong />',
)

/** Elements nested at random, each closed in order: the general parser closes some of them by
 * itself (a paragraph in a paragraph, a link in a link, a cell in a cell). */
const TAGS = ['p', 'li', 'ul', 'ol', 'a', 'h2', 'h3', 'td', 'th', 'tr', 'tbody', 'thead', 'table', 'blockquote', 'strong', 'pre', 'code', 'hr', 'br']
const nested: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('text', ' ', 'a &amp; b', '\n'),
    fc.tuple(fc.constantFrom(...TAGS), fc.array(tie('node'), { maxLength: 4 })).map(([tag, children]) =>
      tag === 'hr' || tag === 'br' ? `<${tag} />` : `<${tag}${tag === 'a' ? ' href="x"' : ''}>${children.join('')}</${tag}>`),
  ),
})).node

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

  /** Runs the scan on HTML of `html`: what it reads must be what the general parser reads, and
   * both sides are exercised, HTML it reads itself and HTML it leaves. */
  function readAlikeOrLeft(html: fc.Arbitrary<string>, numRuns: number) {
    let read = 0
    let left = 0
    fc.assert(
      fc.property(html, (page) => {
        const plain = parsePlainHtml(page)
        if (plain === undefined) left++
        else {
          read++
          expect(plain, page).toEqual(parseAnyHtml(page))
        }
      }),
      { numRuns },
    )
    expect(read).toBeGreaterThan(100)
    expect(left).toBeGreaterThan(100)
  }

  it('reads any other HTML as the general parser does, or leaves it to it', () => {
    readAlikeOrLeft(fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join('')), 5000)
  })

  it('reads elements nested in any order as the general parser does, or leaves them to it', () => {
    readAlikeOrLeft(fc.array(nested, { maxLength: 6 }).map((nodes) => nodes.join('')), 3000)
  })

  it('leaves what it does not know to the general parser', () => {
    for (const html of ['<p>a<p>b</p>', '<p>a<p>b</p></p>', '<ul><li>a<li>b</li></li></ul>', '<a href="x">a<a href="y">b</a></a>', '<h2>a<h3>b</h3></h2>', '<p>a<ul><li>b</li></ul></p>', '<table><tr><td>a<td>b</td></td></tr></table>', '<p>a</b>', '<div>a</div>', '<p>a &copy; b</p>', '<p>a & b</p>', '<!-- c --><p>a</p>', '<p>a', '</p>', '<P>a</P>', "<a href='x'>a</a>", '<p/>', '<p />a</p>', '<strong />'])
      expect(parsePlainHtml(html), html).toBeUndefined()
  })
})
