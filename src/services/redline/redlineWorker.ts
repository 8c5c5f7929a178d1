import { parentPort } from 'node:worker_threads'

import { computeRedline, renderRedline, type ComputedRedline, type RedlineView } from './renderRedline'

/** A task as `RedlineWorkers` posts it: the two texts (and `pair`, a key for them) in a view. */
export interface RedlineTask {
  id: number
  pair: string
  from: string
  to: string
  view: RedlineView
  /** The exact redline took too long: answer the linear one. */
  coarse: boolean
}

// The last few redlines, so the other views of a pair are only rendered.
const computed = new Map<string, ComputedRedline>()

function redlineOf({ pair, from, to, view, coarse }: RedlineTask): ComputedRedline {
  const key = `${view === 'diff' ? 'lines' : 'documents'}:${coarse ? 'coarse' : 'exact'}:${pair}`
  const kept = computed.get(key)
  if (kept) return kept
  const result = computeRedline(from, to, view, coarse)
  computed.set(key, result)
  if (computed.size > 4) computed.delete(computed.keys().next().value as string)
  return result
}

// One task at a time: the pool posts the next only after the answer.
parentPort!.on('message', (task: RedlineTask) => {
  parentPort!.postMessage({ id: task.id, rendered: renderRedline(redlineOf(task), task.view) })
})
parentPort!.postMessage({ ready: true })
