import { coarsePagesRedline, pagesRedline } from '../../domain/documentRedline'
import { coarseRedline, redline, type Redline } from '../../domain/redline'
import type { DocumentRedline } from '../../domain/redlineTree'
import { renderHtml } from '../../domain/renderHtml'
import { changeCount, changeSections, inlineRedlineHtml, sideBySideRedlineHtml, type ChangeSection } from '../../render/redlineHtml'
import { prefixAnchors } from '../../render/prefixAnchors'
import { toDiffView } from '../legalCenter/versionViews'

/** How a redline is shown: inline HTML, side-by-side HTML (table rows), or the JSON API's
 * `blocks` array. */
export type RedlineView = 'inline' | 'side' | 'diff'

/** A redline as one string: rendering it where it is computed keeps the work (tens of
 * thousands of small objects for two rewritten documents) off the thread that serves requests. */
export interface RenderedRedline {
  /** How many changes readers can jump between. */
  changes: number
  /** The texts were too far apart to compare in time: whole blocks (lines for `diff`) are shown
   * removed and added. */
  coarse: boolean
  /** HTML for `inline` and `side`, JSON for `diff`, in UTF-8: megabytes for two rewritten
   * documents, encoded where they are rendered and spliced into the answer as they are. */
  body: Uint8Array
  /** The sections with changes, for the change list (none for `diff`). */
  sections: ChangeSection[]
  /** For `side`: the inline redline too, its anchors prefixed `narrow-`, which narrow screens
   * show instead of the two columns. */
  narrowBody?: Uint8Array
}

/** What a redline is computed as: the rendered documents compared (the pages), or their texts
 * line by line (the JSON API's blocks). */
export type ComputedRedline = { of: 'documents'; result: DocumentRedline } | { of: 'lines'; result: Redline }

/** A document to compare: its Markdown text, and the HTML its page shows when it is frozen (a
 * published version's); without it, the text is rendered as a version page renders it. */
export interface RedlineDocument {
  text: string
  html?: string
}

/** Markdown alone (a draft, a text from a file) or a frozen version. */
export type RedlineInput = string | RedlineDocument
export const redlineDocument = (input: RedlineInput): RedlineDocument => (typeof input === 'string' ? { text: input } : input)

/** The redline of two documents for `view`; `coarse`: the linear one, for texts too far apart.
 * The pages' redline compares what the pages show: the frozen HTML where there is one. */
export function computeRedline(from: RedlineDocument, to: RedlineDocument, view: RedlineView, coarse = false): ComputedRedline {
  if (view === 'diff') return { of: 'lines', result: coarse ? coarseRedline(from.text, to.text) : redline(from.text, to.text) }
  const [a, b] = [from.html ?? renderHtml(from.text), to.html ?? renderHtml(to.text)]
  return { of: 'documents', result: coarse ? coarsePagesRedline(a, b) : pagesRedline(a, b) }
}

const utf8 = new TextEncoder()

/** A rendered redline's HTML (or JSON) as text, where it is small or nobody waits on it. */
export const redlineText = (rendered: RenderedRedline): string => Buffer.from(rendered.body).toString('utf8')

export function renderRedline(computed: ComputedRedline, view: RedlineView): RenderedRedline {
  if (computed.of === 'lines') {
    const { result } = computed
    return { changes: result.changeStarts.length, coarse: result.coarse === true, body: utf8.encode(JSON.stringify(toDiffView(result).blocks)), sections: [] }
  }
  const { result } = computed
  const rendered = { changes: changeCount(result), coarse: result.coarse === true, sections: changeSections(result) }
  if (view === 'side') return { ...rendered, body: utf8.encode(sideBySideRedlineHtml(result)), narrowBody: utf8.encode(prefixAnchors(inlineRedlineHtml(result), 'narrow-')) }
  return { ...rendered, body: utf8.encode(inlineRedlineHtml(result)) }
}
