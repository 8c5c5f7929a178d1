import { parseHtml, visibleText, type HtmlNode } from '../../src/domain/htmlTree'
import { renderHtml } from '../../src/domain/renderHtml'
import { inThreadRedlines } from '../../src/services/redline/redlines'
import { redlineText, type RedlineView } from '../../src/services/redline/renderRedline'

/** Nodes without the elements `drop` names, nor the redline's own chrome (change navigation,
 * "moved" tags: class `rl-chrome`). */
function without(nodes: readonly HtmlNode[], drop: (tag: string) => boolean): HtmlNode[] {
  return nodes.flatMap((node): HtmlNode[] => {
    if (node.type === 'text') return [node]
    if (drop(node.tag) || node.attrs.some(([name, value]) => name === 'class' && value.split(' ').includes('rl-chrome'))) return []
    return [{ ...node, children: without(node.children, drop) }]
  })
}

/** What a reader sees of HTML as text, whitespace normalised. */
export const readableText = (nodes: readonly HtmlNode[]) => visibleText(nodes).replace(/\s+/g, ' ').trim()

/** The two readings of a redline's HTML: every `<del>` removed (the later version), every `<ins>`
 * removed (the earlier one). */
export function readingsOf(html: string): { from: string; to: string } {
  const nodes = parseHtml(html)
  return { from: readableText(without(nodes, (tag) => tag === 'ins')), to: readableText(without(nodes, (tag) => tag === 'del')) }
}

/** What differs between the redline's readings and the version pages' text; empty when faithful. */
export interface FidelityReport {
  /** Per view and side, the first place where the redline's reading and the page differ. */
  problems: string[]
}

/** Where two texts first differ, with a little context. */
function firstDifference(label: string, expected: string, actual: string): string | undefined {
  if (expected === actual) return undefined
  let k = 0
  while (k < expected.length && expected[k] === actual[k]) k++
  return `${label}: at character ${k}, the page reads "…${expected.slice(Math.max(0, k - 40), k + 40)}…" but the redline "…${actual.slice(Math.max(0, k - 40), k + 40)}…"`
}

/**
 * Checks the redline of two Markdown texts against their version pages: in the inline view,
 * with every `<del>` removed it reads as the later version's page and with every `<ins>` removed
 * as the earlier one's; in the side-by-side view, the left column reads as the earlier page and
 * the right one as the later (whitespace normalised; the redline's navigation aside). Uses the
 * renderer the server uses, in this thread.
 */
export async function checkRedlineFidelity(oldMarkdown: string, newMarkdown: string): Promise<FidelityReport> {
  const pages = { from: readableText(parseHtml(renderHtml(oldMarkdown))), to: readableText(parseHtml(renderHtml(newMarkdown))) }
  const problems: string[] = []
  const rendered = async (view: RedlineView) => redlineText(await inThreadRedlines.render(oldMarkdown, newMarkdown, view))
  const inline = readingsOf(await rendered('inline'))
  const side = parseHtml(`<table>${await rendered('side')}</table>`)
  const column = (index: number) => {
    const cells: HtmlNode[] = []
    const walk = (nodes: readonly HtmlNode[]) => {
      for (const node of nodes) {
        if (node.type !== 'element') continue
        if (node.tag === 'tr' && !node.attrs.some(([n, v]) => n === 'class' && v.includes('rl-chrome'))) {
          const tds = node.children.filter((c) => c.type === 'element' && c.tag === 'td')
          if (tds[index]) cells.push(tds[index])
        } else walk(node.children)
      }
    }
    walk(side)
    return readableText(without(cells, () => false))
  }
  for (const problem of [
    firstDifference('inline view without <del>', pages.to, inline.to),
    firstDifference('inline view without <ins>', pages.from, inline.from),
    firstDifference('side by side, left column', pages.from, column(0)),
    firstDifference('side by side, right column', pages.to, column(1)),
  ]) if (problem) problems.push(problem)
  return { problems }
}
