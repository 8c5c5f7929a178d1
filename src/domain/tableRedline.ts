import { alignUnits, elementUnit, type Aligned, type Unit } from './blockAlignment'
import { hasBlocks, serialize, type HtmlElement } from './htmlTree'
import type { Mark, RedlineNode, Side } from './redlineTree'
import { sequenceDiff } from './sequenceDiff'

/** A column of the compared tables: its index in the earlier table, the later one, or both. */
interface Column {
  from?: number
  to?: number
}

const elements = (parent: HtmlElement, tags: string[]) => parent.children.filter((n): n is HtmlElement => n.type === 'element' && tags.includes(n.tag))

/** A table's header rows and body rows. */
function rowsOf(table: HtmlElement): { head: HtmlElement[]; body: HtmlElement[] } {
  const head: HtmlElement[] = []
  const body: HtmlElement[] = []
  for (const part of elements(table, ['thead', 'tbody', 'tfoot', 'tr'])) {
    if (part.tag === 'tr') body.push(part)
    else (part.tag === 'thead' ? head : body).push(...elements(part, ['tr']))
  }
  return { head, body }
}

const cellsOf = (row: HtmlElement | undefined) => (row ? elements(row, ['th', 'td']) : [])

/** Columns matched by their header cells (shortest edit; in a stretch that differs, renamed
 * columns pair in order and the rest are removed or added), else by position. */
function columnsOf(a: HtmlElement[], b: HtmlElement[], width: { from: number; to: number }): Column[] {
  if (a.length === 0 || b.length === 0) return Array.from({ length: Math.max(width.from, width.to) }, (_, k) => ({ from: k < width.from ? k : undefined, to: k < width.to ? k : undefined }))
  const columns: Column[] = []
  let i = 0
  let j = 0
  const runs = sequenceDiff(a.map((c) => serialize(c.children, false)), b.map((c) => serialize(c.children, false)))
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]
    const n = run.items.length
    if (run.op === 'equal') for (let x = 0; x < n; x++) columns.push({ from: i++, to: j++ })
    else if (run.op === 'delete' && runs[k + 1]?.op === 'insert') {
      const m = runs[++k].items.length
      for (let x = 0; x < Math.max(n, m); x++) columns.push({ from: x < n ? i + x : undefined, to: x < m ? j + x : undefined })
      i += n
      j += m
    } else if (run.op === 'delete') for (let x = 0; x < n; x++) columns.push({ from: i++ })
    else for (let x = 0; x < n; x++) columns.push({ to: j++ })
  }
  return columns
}

/** A cell on one side only (its row or column removed or added). */
function wholeCell(cell: HtmlElement | undefined, mark: Mark, only?: Side): RedlineNode {
  if (!cell) return { kind: 'element', tag: 'td', attrs: [], only, children: [] }
  return { kind: 'element', tag: cell.tag, attrs: cell.attrs, only, mark, children: cell.children.length ? [{ kind: 'whole', mark, nodes: cell.children, block: hasBlocks(cell.children) }] : [] }
}

/**
 * Two tables compared row by row and cell by cell: columns matched by their headers, rows by
 * their content; an added or removed row or column stays in the table with its cells marked,
 * an edited cell is compared word by word (`cells`).
 */
export function tableRedline(a: HtmlElement, b: HtmlElement, cells: (from: HtmlElement, to: HtmlElement) => RedlineNode): RedlineNode {
  const rowsA = rowsOf(a)
  const rowsB = rowsOf(b)
  const widthOf = (rows: { head: HtmlElement[]; body: HtmlElement[] }) => Math.max(0, ...[...rows.head, ...rows.body].map((r) => cellsOf(r).length))
  const columns = columnsOf(cellsOf(rowsA.head[0]), cellsOf(rowsB.head[0]), { from: widthOf(rowsA), to: widthOf(rowsB) })
  const cellOnlyOf = (column: Column): Side | undefined => (column.from === undefined ? 'to' : column.to === undefined ? 'from' : undefined)

  const row = ({ from, to, equal }: Aligned<Unit>): RedlineNode => {
    if (from && to) {
      if (equal && columns.every((c) => c.from === c.to)) return { kind: 'same', nodes: to.nodes }
      const cellsA = cellsOf(from.element)
      const cellsB = cellsOf(to.element)
      return {
        kind: 'element', tag: 'tr', attrs: to.element!.attrs,
        children: columns.map((column) => {
          const x = column.from === undefined ? undefined : cellsA[column.from]
          const y = column.to === undefined ? undefined : cellsB[column.to]
          if (x && y) return serialize([x], false) === serialize([y], false) ? { kind: 'same', nodes: [y] } : cells(x, y)
          if (y) return wholeCell(y, 'ins', cellOnlyOf(column))
          return wholeCell(x, 'del', cellOnlyOf(column))
        }),
      }
    }
    const mark: Mark = from ? 'del' : 'ins'
    const only: Side = from ? 'from' : 'to'
    const own = cellsOf((from ?? to)!.element)
    return {
      kind: 'element', tag: 'tr', attrs: (from ?? to)!.element!.attrs, only, mark,
      children: columns.map((column) => {
        const index = from ? column.from : column.to
        return index === undefined ? { kind: 'element', tag: 'td', attrs: [], only: from ? 'to' : 'from', children: [] } : wholeCell(own[index], mark, cellOnlyOf(column))
      }),
    }
  }

  const headRows = Array.from({ length: Math.max(rowsA.head.length, rowsB.head.length) }, (_, k) => {
    const from = rowsA.head[k] && elementUnit(rowsA.head[k])
    const to = rowsB.head[k] && elementUnit(rowsB.head[k])
    return row({ from, to, equal: !!from && !!to && from.key === to.key })
  })
  const bodyRows = alignUnits(rowsA.body.map(elementUnit), rowsB.body.map(elementUnit)).map(row)
  const parts: RedlineNode[] = []
  if (headRows.length) parts.push({ kind: 'element', tag: 'thead', attrs: [], children: headRows })
  if (bodyRows.length) parts.push({ kind: 'element', tag: 'tbody', attrs: [], children: bodyRows })
  return { kind: 'element', tag: 'table', attrs: b.attrs, children: parts }
}
