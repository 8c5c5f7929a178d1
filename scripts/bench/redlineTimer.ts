// The compare page's redline timed on a worker thread, where the server computes it
// (`src/services/redline/redlineWorkers.ts`): a heap of its own, not the benchmark's.
import { parentPort } from 'node:worker_threads'

import { pagesRedline } from '../../src/domain/documentRedline'
import { median } from './median'

/** What the benchmark posts: two version pages' HTML and how many redlines to time. */
export interface RedlineTiming {
  from: string
  to: string
  runs: number
}

parentPort!.on('message', ({ from, to, runs }: RedlineTiming) => {
  const times = Array.from({ length: runs }, () => {
    const t = performance.now()
    pagesRedline(from, to)
    return performance.now() - t
  })
  parentPort!.postMessage(median(times))
})
