import type { Redline } from '../../domain/redline'
import { inlineRedlineHtml, sideBySideRedlineHtml } from '../../http/views/redlineHtml'
import { toDiffView } from '../versionViews'

/** How a redline is shown: inline HTML, side-by-side HTML (table rows), or the JSON API's
 * `blocks` array. */
export type RedlineView = 'inline' | 'side' | 'diff'

/** A redline as one string: rendering it where it is computed keeps the work (tens of
 * thousands of small objects for two rewritten documents) off the thread that serves requests. */
export interface RenderedRedline {
  /** How many changes readers can jump between. */
  changes: number
  /** The texts were too far apart to compare in time: whole lines are shown removed and added. */
  coarse: boolean
  /** HTML for `inline` and `side`, JSON for `diff`. */
  body: string
}

export function renderRedline(result: Redline, view: RedlineView): RenderedRedline {
  const body = view === 'inline' ? inlineRedlineHtml(result) : view === 'side' ? sideBySideRedlineHtml(result) : JSON.stringify(toDiffView(result).blocks)
  return { changes: result.changeStarts.length, coarse: result.coarse === true, body }
}
