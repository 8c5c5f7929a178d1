import { coarseDocumentRedline, documentRedline } from '../../domain/documentRedline'
import { coarseRedline, redline, type Redline } from '../../domain/redline'
import type { DocumentRedline } from '../../domain/redlineTree'
import { changeCount, changeSections, inlineRedlineHtml, sideBySideRedlineHtml, type ChangeSection } from '../../http/views/redlineHtml'
import { prefixAnchors } from '../../http/views/prefixAnchors'
import { toDiffView } from '../versionViews'

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

/** The redline of two texts for `view`; `coarse`: the linear one, for texts too far apart. */
export function computeRedline(from: string, to: string, view: RedlineView, coarse = false): ComputedRedline {
  if (view === 'diff') return { of: 'lines', result: coarse ? coarseRedline(from, to) : redline(from, to) }
  return { of: 'documents', result: coarse ? coarseDocumentRedline(from, to) : documentRedline(from, to) }
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
