import { describe, expect, it } from 'vitest'

import { documentRedline } from '../src/domain/documentRedline'
import { changeSections, inlineRedlineHtml, sideBySideRedlineHtml } from '../src/render/redlineHtml'
import { readingsOf } from './support/redlineFidelity'

const inline = (from: string, to: string) => inlineRedlineHtml(documentRedline(from, to))
const side = (from: string, to: string) => sideBySideRedlineHtml(documentRedline(from, to))

const TABLE = '| Section | What can you find there? |\n| --- | --- |\n| [A. Definitions](#a-definitions) | Some *basic* terms. |\n| B. Account | Rules. |\n'

describe('the redline as readers see it', () => {
  it('shows text as the version page does: escapes undone, HTML escaped, emphasis and bold kept', () => {
    const html = inline('We keep support\\_tickets for **one** year.\n', 'We keep support\\_tickets for **two** *years* \\<script\\>.\n')
    expect(html).toContain('support_tickets')
    expect(html).not.toContain('\\_')
    expect(html).toContain('&lt;script&gt;')
    expect(html).not.toContain('<script>')
    expect(html).toContain('<strong><del>one</del></strong>')
    expect(html).toContain('<strong><ins>two</ins></strong>')
    expect(html).toContain('<em><ins>years</ins></em>')
  })

  it('numbers each ordered list item as its own page does: a deleted item never shifts the rest', () => {
    const from = '1. Name\n2. Email\n3. Address\n4. Phone\n'
    const to = '1. Name\n2. Address\n3. Phone\n4. Payment card\n'
    const items = [...inline(from, to).matchAll(/<li([^>]*)>(.*?)<\/li>/gs)].map(([, attrs, text]) => `${/value="(\d+)"/.exec(attrs)?.[1]} ${text.replace(/<[^>]+>/g, '').replace(/moved (from )?here/, '').trim()}`)
    expect(items).toEqual(['1 Name', '2 Email', '2 Address', '3 Phone', '4 Payment card'])
    // A list that starts elsewhere keeps counting from its start; side by side, each column numbers itself.
    expect(inline('3. One\n4. Two\n5. Three\n', '3. One\n4. Three\n')).toMatch(/<ol start="3">\s*<li value="3">One<\/li>\s*<li value="4" class="rl-del"><del>Two<\/del><\/li>\s*<li value="4">Three<\/li>/s)
    // A list without a deleted item is numbered by the browser, as on the page.
    expect(inline(to, `${to}5. Bank account\n`)).not.toMatch(/<li[^>]*value=/)
    expect(side(from, to)).not.toContain('value=')
  })

  it('renders a table as a table, marking the edited cell and an added row and column', () => {
    const to = '| Section | What can you find there? | Since |\n| --- | --- | --- |\n| [A. Definitions](#a-definitions) | Some *basic* terms and more. | 2020 |\n| B. Account | Rules. | 2021 |\n| C. Payment | Fees. | 2022 |\n'
    const html = inline(TABLE, to)
    expect(html).not.toContain('| ---')
    expect(html).toContain('<th class="rl-ins"><ins>Since</ins></th>')
    expect(html).toContain('<td>Some <em>basic</em> terms<ins> and more</ins>.</td>')
    expect(html).toContain('<tr class="rl-ins"><td class="rl-ins"><ins>C. Payment</ins></td>')
    expect(html).toContain('<a href="#a-definitions" rel="noopener noreferrer">A. Definitions</a>')
  })

  it('keeps a removed row and column in the table, struck, on the earlier side only when side by side', () => {
    const to = '| Section |\n| --- |\n| [A. Definitions](#a-definitions) |\n'
    const html = inline(TABLE, to)
    expect(html).toContain('<th class="rl-del"><del>What can you find there?</del></th>')
    expect(html).toContain('<tr class="rl-del"><td class="rl-del"><del>B. Account</del></td>')
    const [left, right] = side(TABLE, to).split('</td><td>')
    expect(left).toContain('<del>B. Account</del>')
    expect(right).not.toContain('B. Account')
  })

  it('marks a link with a new target: the old link struck, the new one inserted, words never glued', () => {
    const html = inline('See the [list of sub-processors](https://example.com/old).\n', 'See the [list of sub-processors](https://example.com/new).\n')
    expect(html).toContain('<a href="https://example.com/old" rel="noopener noreferrer"><del>list of sub-processors</del></a>')
    expect(html).toContain('<a href="https://example.com/new" rel="noopener noreferrer"><ins>list of sub-processors</ins></a>')
    expect(readingsOf(html)).toEqual({ from: 'See the list of sub-processors.', to: 'See the list of sub-processors.' })
  })

  it('never glues a deleted word to the inserted one after it', () => {
    for (const [from, to] of [['We answer requests.', 'We answer privacy.'], ['(requests)', '(privacy)'], ['requests', 'privacy'], ['| A |\n| - |\n| Yes |', '| A |\n| - |\n| No |']]) {
      const html = inline(from, to)
      const visible = readingsOf(html.replace(/<\/?(ins|del)>/g, ''))
      expect(visible.to, html).not.toMatch(/requestsprivacy|YesNo/)
      expect(readingsOf(html).from, html).toBe(readingsOf(inline(from, from)).to)
      expect(readingsOf(html).to, html).toBe(readingsOf(inline(to, to)).to)
    }
  })

  it('keeps lists as lists, nested and ordered, marking an added item in place', () => {
    const html = inline('1. First\n2. Second\n   - nested one\n3. Third\n', '1. First\n2. Second\n   - nested one\n   - nested two\n3. Third\n')
    expect(html).toContain('<ol><li>First</li><li>Second<ul><li>nested one</li><li class="rl-ins"><ins>nested two</ins></li></ul></li><li>Third</li></ol>')
    expect(html).not.toContain('•')
  })

  it('never shows HTML comments or front matter', () => {
    const html = inline('---\ntitle: Terms\n---\n\nWe keep logs.\n', '---\ntitle: Terms of Service\n---\n\n<!-- markdownlint-disable MD001 -->\n\nWe keep logs.\n')
    expect(html).toBe('<p>We keep logs.</p>')
  })

  it("gives headings the version page's anchors, and lists the changed sections with links to their changes", () => {
    const from = '# Terms\n\nIntro.\n\n## A. Definitions\n\nWe keep logs.\n\nWe share logs.\n\n## B. Account\n\nRules.\n'
    const to = '# Terms\n\nIntro.\n\n## A. Definitions\n\nWe keep records.\n\nWe share logs.\n\n## B. Account\n\nNew rules.\n\nMore rules, closely.\n'
    const result = documentRedline(from, to)
    const html = inlineRedlineHtml(result)
    expect(html).toContain('<h2 id="a-definitions">A. Definitions</h2>')
    expect(html).toContain('<h2 id="b-account">B. Account</h2>')
    expect(changeSections(result)).toEqual([
      { title: 'A. Definitions', anchor: 'rl-change-1', changes: 1 },
      { title: 'B. Account', anchor: 'rl-change-2', changes: 1 },
    ])
    expect(html).toContain('<section class="rl-change" id="rl-change-2">')
  })

  it('marks a paragraph moved elsewhere as moved on both sides', () => {
    const moved = 'This paragraph moves to the end of the document.'
    const html = inline(`${moved}\n\nA\n\nB\n`, `A\n\nB\n\n${moved}\n`)
    expect(html).toContain('<del class="rl-block rl-moved"><span class="rl-tag rl-chrome">moved from here</span><p>')
    expect(html).toContain('<ins class="rl-block rl-moved"><span class="rl-tag rl-chrome">moved here</span><p>')
  })

  it('gives the side-by-side columns each one version, anchors on the later one only', () => {
    const rows = side('## Terms\n\nWe keep logs.\n', '## Terms\n\nWe keep records.\n')
    expect(rows).toContain('<tr><td><h2>Terms</h2></td><td><h2 id="terms">Terms</h2></td></tr>')
    expect(rows).toContain('<td><p>We keep<del> logs</del>.</p></td><td><p>We keep<ins> records</ins>.</p></td>')
  })
})

describe('the fidelity check', () => {
  it('reads a redline without its deletions, and without its insertions', () => {
    expect(readingsOf('<p>We keep<del> logs</del><ins> records</ins>.</p><nav class="rl-nav rl-chrome">Change 1</nav>')).toEqual({ from: 'We keep logs.', to: 'We keep records.' })
  })
})
