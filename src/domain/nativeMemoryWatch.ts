/** One reading of a process's memory: its JavaScript heap's size, and the resident memory the heap
 * does not account for (native memory: a driver's statements and rows, and the like). */
export interface MemoryReading {
  heap: number
  outside: number
}

/** What the watch carries from one reading to the next. */
export interface MemoryWatch {
  last: MemoryReading
  /** The least memory outside the heap since the last full collection. */
  low: number
}

export const startWatch = (reading: MemoryReading): MemoryWatch => ({ last: reading, low: reading.outside })

/**
 * Takes the next reading: whether a full collection is due, because memory outside the heap has
 * grown by `limit` bytes from its least since the last one. Growth of the heap itself never makes
 * one due: it is V8's to collect, a little at a time. When the heap has just shrunk, the pages it
 * gave back leave the resident size a moment later, so memory outside the heap looks grown by what
 * was freed: it is counted from that reading on.
 */
export function nextReading(watch: MemoryWatch, reading: MemoryReading, limit: number): { watch: MemoryWatch; collect: boolean } {
  const low = reading.heap < watch.last.heap ? reading.outside : Math.min(watch.low, reading.outside)
  return { watch: { last: reading, low }, collect: reading.outside - low >= limit }
}
