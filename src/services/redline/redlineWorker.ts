import { parentPort } from 'node:worker_threads'

import { computeRedline, renderRedline, type ComputedRedline, type RedlineDocument, type RedlineView } from './renderRedline'

/** A document as `RedlineWorkers` posts it: its text and frozen HTML in UTF-8 (moved, not copied). */
export interface EncodedDocument {
  text: Uint8Array
  html?: Uint8Array
}

/** A task as `RedlineWorkers` posts it: the two documents, `pair` a key for them, and the view. */
export interface RedlineTask {
  id: number
  pair: string
  from: EncodedDocument
  to: EncodedDocument
  view: RedlineView
  /** The exact redline took too long: answer the linear one. */
  coarse: boolean
}

// The last few redlines, so the other views of a pair are only rendered.
const computed = new Map<string, ComputedRedline>()

const utf8 = new TextDecoder()

function redlineOf({ pair, from, to, view, coarse }: RedlineTask): ComputedRedline {
  const key = `${view === 'diff' ? 'lines' : 'documents'}:${coarse ? 'coarse' : 'exact'}:${pair}`
  const kept = computed.get(key)
  if (kept) return kept
  const decoded = ({ text, html }: EncodedDocument): RedlineDocument => ({ text: utf8.decode(text), html: html && utf8.decode(html) })
  const result = computeRedline(decoded(from), decoded(to), view, coarse)
  computed.set(key, result)
  if (computed.size > 4) computed.delete(computed.keys().next().value as string)
  return result
}

// One task at a time: the pool posts the next only after the answer.
// The answer's bytes are moved to the server's thread, not copied.
parentPort!.on('message', (task: RedlineTask) => {
  const rendered = renderRedline(redlineOf(task), task.view)
  const moved = [rendered.body, rendered.narrowBody].flatMap((bytes) => (bytes ? [bytes.buffer as ArrayBuffer] : []))
  parentPort!.postMessage({ id: task.id, rendered }, moved)
})
parentPort!.postMessage({ ready: true })
