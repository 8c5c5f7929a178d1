import fc from 'fast-check'

/** A word of a generated document, maybe emphasised, bold, code or a link. */
export interface Word {
  w: string
  f?: 'em' | 'strong' | 'code' | 'link' | 'strike'
  href?: string
}

/** A block of a generated document, of each kind the version page renders. */
export type Block =
  | { t: 'heading'; level: number; words: Word[] }
  | { t: 'para'; words: Word[] }
  | { t: 'list'; ordered: boolean; items: Array<{ words: Word[]; sub: Word[][] }> }
  | { t: 'table'; header: Word[][]; rows: Word[][][] }
  | { t: 'quote'; words: Word[] }
  | { t: 'code'; lines: string[] }
  | { t: 'comment'; text: string }
  | { t: 'footnote'; words: Word[] }
  | { t: 'html'; words: Word[] }
  | { t: 'rule' }

/** A generated document: front matter (maybe) and blocks. */
export interface Doc {
  title?: string
  blocks: Block[]
}

const VOCABULARY = ['we', 'keep', 'your', 'data', 'for', '13', 'months', 'and', 'may', 'share', 'it', 'with', 'partners', 'privacy', 'requests', 'Note:', 'ü', '“quoted”', 'e-mail', "don't", 'data,', '(EU)', 'snake_case', 'A.']
const TARGETS = ['https://example.com/a', 'https://example.com/b', '#a-definitions', 'mailto:privacy@example.com']

const word: fc.Arbitrary<Word> = fc.record({ w: fc.constantFrom(...VOCABULARY), f: fc.constantFrom(undefined, undefined, undefined, 'em', 'strong', 'code', 'link', 'strike'), href: fc.constantFrom(...TARGETS) }).map(({ w, f, href }) => (f === 'link' ? { w, f, href } : f ? { w, f } : { w }))
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max })

const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ t: fc.constant('heading' as const), level: fc.integer({ min: 1, max: 3 }), words: words(1, 4) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('para' as const), words: words(1, 14) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('list' as const), ordered: fc.boolean(), items: fc.array(fc.record({ words: words(1, 6), sub: fc.array(words(1, 4), { maxLength: 2 }) }), { minLength: 1, maxLength: 4 }) }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }).chain((cols) => fc.record({ t: fc.constant('table' as const), header: fc.array(words(1, 2), { minLength: cols, maxLength: cols }), rows: fc.array(fc.array(words(0, 4), { minLength: cols, maxLength: cols }), { maxLength: 4 }) })) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('quote' as const), words: words(1, 8) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('code' as const), lines: fc.array(fc.constantFrom('const a = 1', 'keep(data)', '  return <b>', ''), { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('comment' as const), text: fc.constantFrom('markdownlint-disable MD001', 'draft note') }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('footnote' as const), words: words(1, 5) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('html' as const), words: words(1, 4) }) },
  { weight: 1, arbitrary: fc.constant({ t: 'rule' as const }) },
)

/** Generated documents that use every construct the version page renders. */
export const docArb: fc.Arbitrary<Doc> = fc.record({ title: fc.constantFrom(undefined, 'Terms', 'Privacy Policy'), blocks: fc.array(block, { maxLength: 12 }) })

const inline = (ws: Word[]) =>
  ws.map(({ w, f, href }) => (f === 'em' ? `*${w}*` : f === 'strong' ? `**${w}**` : f === 'code' ? `\`${w}\`` : f === 'strike' ? `~~${w}~~` : f === 'link' ? `[${w}](${href})` : w.replace(/_/g, '\\_'))).join(' ')

function blockMarkdown(b: Block, index: number): string {
  switch (b.t) {
    case 'heading': return `${'#'.repeat(b.level)} ${inline(b.words)}`
    case 'para': return inline(b.words)
    case 'list': return b.items.map((item, k) => [`${b.ordered ? `${k + 1}.` : '-'} ${inline(item.words)}`, ...item.sub.map((s) => `${b.ordered ? '   ' : '  '}- ${inline(s)}`)].join('\n')).join('\n')
    case 'table': return [`| ${b.header.map(inline).join(' | ')} |`, `| ${b.header.map(() => '---').join(' | ')} |`, ...b.rows.map((r) => `| ${r.map(inline).join(' | ')} |`)].join('\n')
    case 'quote': return `> ${inline(b.words)}`
    case 'code': return ['```', ...b.lines, '```'].join('\n')
    case 'comment': return `<!-- ${b.text} -->`
    case 'footnote': return `${inline(b.words)}[^${index}]\n\n[^${index}]: ${inline(b.words.slice(0, 2))}`
    case 'html': return `<div>${inline(b.words)}</div>`
    case 'rule': return '---'
  }
}

/** A generated document as Markdown. */
export const markdownOf = (doc: Doc) => `${doc.title ? `---\ntitle: ${doc.title}\n---\n\n` : ''}${doc.blocks.map(blockMarkdown).join('\n\n')}\n`

/** An edit of a document as editors make them: a word replaced, added, removed or reformatted,
 * a link retargeted, a table row or column added or removed, a list item added, blocks
 * inserted, removed, moved or replaced, the front matter changed. */
export type Edit = { kind: string; at: number; k: number; word: Word; block: Block }

export const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('word', 'word', 'addWord', 'dropWord', 'format', 'retarget', 'addRow', 'dropRow', 'addColumn', 'dropColumn', 'addItem', 'insert', 'delete', 'move', 'replace', 'title'),
  at: fc.nat(),
  k: fc.nat(),
  word,
  block,
})

/** The word lists of a block, where word edits land. */
function wordLists(b: Block): Word[][] {
  switch (b.t) {
    case 'heading': case 'para': case 'quote': case 'footnote': case 'html': return [b.words]
    case 'list': return b.items.flatMap((i) => [i.words, ...i.sub])
    case 'table': return [...b.header, ...b.rows.flat()]
    default: return []
  }
}

/** `doc` revised by `edits`. */
export function revise(doc: Doc, edits: Edit[]): Doc {
  const out: Doc = structuredClone(doc)
  for (const e of edits) {
    const blocks = out.blocks
    const at = blocks.length ? e.at % blocks.length : 0
    const target = blocks[at]
    const lists = target ? wordLists(target) : []
    const list = lists.length ? lists[e.k % lists.length] : undefined
    const k = list && list.length ? e.k % list.length : 0
    switch (e.kind) {
      case 'word': if (list?.length) list[k] = { ...list[k], w: e.word.w }; break
      case 'addWord': list?.splice(k, 0, e.word); break
      case 'dropWord': if (list && list.length > 1) list.splice(k, 1); break
      case 'format': if (list?.length) list[k] = e.word.f ? { ...e.word, w: list[k].w } : { w: list[k].w }; break
      case 'retarget': if (list?.length) list[k] = { w: list[k].w, f: 'link', href: e.word.href === list[k].href ? 'https://example.com/c' : e.word.href }; break
      case 'addRow': if (target?.t === 'table') target.rows.splice(e.k % (target.rows.length + 1), 0, target.header.map(() => [e.word])); break
      case 'dropRow': if (target?.t === 'table' && target.rows.length) target.rows.splice(e.k % target.rows.length, 1); break
      case 'addColumn': if (target?.t === 'table') { const c = e.k % (target.header.length + 1); target.header.splice(c, 0, [e.word]); target.rows.forEach((r) => r.splice(c, 0, [e.word])) } break
      case 'dropColumn': if (target?.t === 'table' && target.header.length > 1) { const c = e.k % target.header.length; target.header.splice(c, 1); target.rows.forEach((r) => r.splice(c, 1)) } break
      case 'addItem': if (target?.t === 'list') target.items.splice(e.k % (target.items.length + 1), 0, { words: [e.word], sub: [] }); break
      case 'insert': blocks.splice(at, 0, e.block); break
      case 'delete': if (blocks.length) blocks.splice(at, 1); break
      case 'move': if (blocks.length) blocks.splice(e.k % blocks.length, 0, blocks.splice(at, 1)[0]); break
      case 'replace': if (blocks.length) blocks[at] = e.block; break
      case 'title': out.title = out.title ? undefined : 'Terms of Service'; break
    }
  }
  return out
}
