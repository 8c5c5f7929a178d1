import { parentPort, workerData } from 'node:worker_threads'

import { scanLedgerBatch } from './scanLedgerBatch'

/** A batch as `verifyLedgerFolder` posts it: its lines (moved, not copied) and the number of the
 * first. */
export interface BatchTask {
  index: number
  first: number
  bytes: Uint8Array
}

const { fullBatch, textStatus } = workerData as { fullBatch: number; textStatus: Map<string, boolean> }

parentPort!.on('message', ({ index, first, bytes }: BatchTask) => {
  const scanned = scanLedgerBatch(bytes, first, fullBatch, textStatus)
  // The lines' buffer goes back too, to be filled with the next batch.
  const moved = [bytes.buffer as ArrayBuffer, ...('leaves' in scanned ? [scanned.leaves.buffer as ArrayBuffer] : [])]
  parentPort!.postMessage({ index, scanned, bytes: bytes.buffer }, moved)
})
parentPort!.postMessage({ ready: true })
