import { coarseDocumentRedline, documentRedline } from '../../domain/documentRedline'
import { coarseRedline, redline, type Redline } from '../../domain/redline'
import type { DocumentRedline } from '../../domain/redlineTree'
import { changeCount, changeSections, inlineRedlineHtml, sideBySideRedlineHtml, type ChangeSection } from '../../http/views/redlineHtml'
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
  /** HTML for `inline` and `side`, JSON for `diff`. */
  body: string
  /** The sections with changes, for the change list (none for `diff`). */
  sections: ChangeSection[]
}

/** What a redline is computed as: the rendered documents compared (the pages), or their texts
 * line by line (the JSON API's blocks). */
export type ComputedRedline = { of: 'documents'; result: DocumentRedline } | { of: 'lines'; result: Redline }

/** The redline of two texts for `view`; `coarse`: the linear one, for texts too far apart. */
export function computeRedline(from: string, to: string, view: RedlineView, coarse = false): ComputedRedline {
  if (view === 'diff') return { of: 'lines', result: coarse ? coarseRedline(from, to) : redline(from, to) }
  return { of: 'documents', result: coarse ? coarseDocumentRedline(from, to) : documentRedline(from, to) }
}

export function renderRedline(computed: ComputedRedline, view: RedlineView): RenderedRedline {
  if (computed.of === 'lines') {
    const { result } = computed
    return { changes: result.changeStarts.length, coarse: result.coarse === true, body: JSON.stringify(toDiffView(result).blocks), sections: [] }
  }
  const { result } = computed
  return { changes: changeCount(result), coarse: result.coarse === true, body: view === 'side' ? sideBySideRedlineHtml(result) : inlineRedlineHtml(result), sections: changeSections(result) }
}
