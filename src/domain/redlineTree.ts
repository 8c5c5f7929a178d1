import type { HtmlNode } from './htmlTree'

/** How a change is marked: inserted (`<ins>`) or deleted (`<del>`). */
export type Mark = 'ins' | 'del'

/** A side of a redline: the earlier version (`from`) or the later one (`to`). */
export type Side = 'from' | 'to'

/** An inline element around text (`strong`, `a href=…`), `key` being its opening tag. */
export interface InlineFrame {
  tag: string
  attrs: Array<[string, string]>
  key: string
}

/** The inline elements around a piece of text, outermost first; `id` is the same for the same
 * elements on both sides. */
export interface InlineContext {
  id: number
  frames: InlineFrame[]
}

/** A word, space or sign of a block's text (or a line break, `void`), in its inline elements,
 * marked when only one side has it. `gap` is a space between a deletion and an insertion that
 * would otherwise read as one word. */
export interface InlinePiece {
  context: InlineContext
  text: string
  void?: string
  mark?: Mark
  gap?: true
}

/**
 * A redline as a tree of the rendered documents: `same` nodes read alike on both sides; `whole`
 * nodes exist on one side only (`moved` when the same stands on the other side elsewhere);
 * `element` is an element of both documents (or, with `only`, of one side: a table row or column,
 * a list item) whose children differ; `inline` is a block's text compared word by word.
 */
export type RedlineNode =
  | { kind: 'same'; nodes: HtmlNode[] }
  | { kind: 'whole'; mark: Mark; nodes: HtmlNode[]; block: boolean; moved?: boolean }
  | { kind: 'element'; tag: string; attrs: Array<[string, string]>; only?: Side; mark?: Mark; children: RedlineNode[] }
  | { kind: 'inline'; pieces: InlinePiece[] }

/** A top-level block of the redline, with the nodes it stands for on each side. */
export interface RedlineEntry {
  node: RedlineNode
  from?: HtmlNode[]
  to?: HtmlNode[]
}

/** The redline of two Markdown documents as their version pages render them. `coarse`: the
 * texts were too far apart to compare in time, and the blocks between their common beginning
 * and end are shown removed and added whole. */
export interface DocumentRedline {
  entries: RedlineEntry[]
  coarse?: true
}

/** Whether a redline node differs between the sides. */
export const isChanged = (node: RedlineNode): boolean => node.kind !== 'same'
