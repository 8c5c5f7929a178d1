import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { extractPolicyHistory, splitFrontMatter } from '../scripts/policy-history.js'
import { parseHtml, serialize, type HtmlElement, type HtmlNode } from '../src/domain/htmlTree'
import { parseRevisionFile } from '../src/formats/parseRevisionFile'
import { importHistory } from '../src/services/publishing/importHistory'
import { readableText, readingsOf } from './support/redlineFidelity'
import { startTestApp, type TestApp } from './support/testApp'
import { findElement as find, hasClass } from './support/findElement'

/**
 * Real policy histories, named by ASSENT_POLICY_HISTORY as `<git repository>:<path of a Markdown
 * file in it>`, several separated by `;`. Their text is not ours to commit, so the test reads
 * them from a clone the person running it has (see the README, "Real policy histories").
 */
const histories = (process.env.ASSENT_POLICY_HISTORY ?? '')
  .split(';')
  .map((spec) => spec.trim())
  .filter(Boolean)
  .map((spec) => {
    const colon = spec.indexOf(':')
    return { repository: spec.slice(0, colon), file: spec.slice(colon + 1) }
  })

if (histories.length === 0) {
  console.log(
    'Real policy history test skipped: ASSENT_POLICY_HISTORY is not set. To run it, clone an openly licensed policy history ' +
      '(git clone https://github.com/github/site-policy) and run ' +
      'ASSENT_POLICY_HISTORY="<clone>:Policies/github-terms/github-terms-of-service.md;<clone>:Policies/privacy-policies/github-general-privacy-statement.md" npx vitest run test/realHistory.test.ts',
  )
}


/** The cells of column `index` of a side-by-side redline's rows (navigation rows aside). */
function column(tbody: HtmlElement, index: number): HtmlNode[] {
  return tbody.children.flatMap((row) => {
    if (row.type !== 'element' || row.tag !== 'tr' || hasClass(row, 'rl-chrome')) return []
    const cells = row.children.filter((c): c is HtmlElement => c.type === 'element' && c.tag === 'td')
    return cells[index] ? [cells[index]] : []
  })
}

/** Where two readings first differ, with some context. */
function firstDifference(label: string, page: string, redline: string): string | undefined {
  if (page === redline) return undefined
  let k = 0
  while (k < page.length && page[k] === redline[k]) k++
  return `${label} at character ${k}: the page reads "…${page.slice(Math.max(0, k - 60), k + 60)}…", the redline "…${redline.slice(Math.max(0, k - 60), k + 60)}…"`
}

describe.skipIf(histories.length === 0)('redlines of real policy histories', () => {
  let app: TestApp
  const get = async (url: string) => {
    const res = await fetch(`${app.baseUrl}${url}`)
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
    return parseHtml(await res.text())
  }
  /** What a reader of version `n`'s page reads of the document. */
  const pageText = async (slug: string, n: number) => readableText(find(await get(`/legal/${slug}/versions/${n}`), 'div', 'doc-body')!.children)

  beforeAll(async () => {
    app = await startTestApp()
  })
  afterAll(() => app?.close())

  histories.forEach(({ repository, file }, i) => {
    const slug = `real-${i + 1}-${path.basename(file, '.md').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`

    it(`imports every revision of ${file} and each consecutive redline reads as its two versions, inline and side by side`, async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'assent-real-history-'))
      const { written } = extractPolicyHistory({ repository, file, folder })
      const texts = readdirSync(folder).map((name) => ({ name, text: readFileSync(path.join(folder, name), 'utf8') }))
      const title = splitFrontMatter(texts.at(-1)!.text).meta.title
      await app.payload.create({ collection: 'policies', data: { slug, title: typeof title === 'string' ? title : slug, acceptanceMode: 'clickwrap', noticePeriodDays: 30 } })
      const result = await importHistory(app.payload, slug, texts.map(({ name, text }) => parseRevisionFile(name, text)))
      const versions = result.imported.map((r) => r.version)
      expect(versions.length).toBeGreaterThan(1)

      const failing: string[] = []
      /** Pairs whose pages read the same (a change of Markdown spelling, links or markup only). */
      const unchanged: string[] = []
      for (let k = 1; k < versions.length; k++) {
        const [from, to] = [versions[k - 1], versions[k]]
        const pages = { from: await pageText(slug, from), to: await pageText(slug, to) }
        const inline = readingsOf(serialize(find(await get(`/legal/${slug}/compare/${from}/${to}`), 'div', 'redline-inline')!.children))
        const sideTable = find(await get(`/legal/${slug}/compare/${from}/${to}?view=side`), 'table', 'redline-side')!
        const tbody = sideTable.children.find((c): c is HtmlElement => c.type === 'element' && c.tag === 'tbody')!
        // A page that shows nothing would make any redline of nothing look faithful.
        expect(Math.min(pages.from.length, pages.to.length)).toBeGreaterThan(100)
        const problems = [
          firstDifference('inline without <del>', pages.to, inline.to),
          firstDifference('inline without <ins>', pages.from, inline.from),
          firstDifference('side by side, left', pages.from, readingsOf(serialize(column(tbody, 0))).from),
          firstDifference('side by side, right', pages.to, readingsOf(serialize(column(tbody, 1))).to),
        ].filter(Boolean)
        if (problems.length > 0) failing.push(`  ${from}→${to}: ${problems[0]}`)
        if (pages.from === pages.to) unchanged.push(`${from}→${to}`)
      }
      const pairs = versions.length - 1
      console.log(
        [
          `${file}: ${written.length} revisions extracted, ${versions.length} imported as versions, ${pairs} consecutive pairs checked (inline and side by side), ${failing.length} failing; ${unchanged.length} pairs read the same on their pages${unchanged.length ? ` (${unchanged.join(', ')})` : ''}`,
          ...failing,
        ].join('\n'),
      )
      expect(failing).toEqual([])
    }, 1_800_000)
  })
})
