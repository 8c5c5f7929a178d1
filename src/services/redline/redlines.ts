import { computeRedline, redlineDocument, renderRedline, type RedlineInput, type RedlineView, type RenderedRedline } from './renderRedline'

/** Computes and renders redlines. The server's (`RedlineWorkers`) works off the event loop; the
 * CLI's (`inThreadRedlines`) in the calling thread. */
export interface Redlines {
  render(from: RedlineInput, to: RedlineInput, view: RedlineView): Promise<RenderedRedline>
}

/** Redlines computed in the calling thread: for the CLI, where nobody else waits on it. */
export const inThreadRedlines: Redlines = {
  render: async (from, to, view) => renderRedline(computeRedline(redlineDocument(from), redlineDocument(to), view), view),
}
