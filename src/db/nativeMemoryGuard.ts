import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'

import { nextReading, startWatch, type MemoryReading } from '../domain/nativeMemoryWatch'

/** How far resident memory outside the heap may grow past its lowest since the last full collection. */
const GROWTH_MB = 64
/** A publication's fan-out allocated about 80 MB a second: checked twice a second, memory
 * overshot the bound by 40 MB and more before the check saw it (550 MB peaks at 100,000 subjects). */
const CHECK_MS = 100

let running: NodeJS.Timeout | undefined

/** V8's full garbage collection, made callable without starting Node with --expose-gc. */
function fullCollection(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (exposed) return exposed
  v8.setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

/**
 * Runs a full garbage collection whenever the process's resident memory outside the JavaScript
 * heap has grown by more than 64 MB from its lowest since the last one. That memory does not tell
 * V8 to collect: libsql (the SQLite driver) allocates native memory for every statement and
 * every query's rows that only a full collection frees, and so did each Intl formatter before they
 * were kept (intlFormats.ts). A publication's outbox drain reached 1.2 to 1.7 GB resident at 10,000
 * subjects with a heap under 250 MB. The heap's own growth is left to V8 (nativeMemoryWatch.ts): a
 * full collection forced for it under login traffic (the heap's garbage grew 60 to 140 MB between
 * two) stopped the server for 35 to 75 ms every 6 seconds, a pause every request in flight waited
 * out. Checked ten times a second (a reading takes about 8 µs); the timer does not keep the
 * process alive.
 */
export function startNativeMemoryGuard(): void {
  if (running) return
  const collect = fullCollection()
  let watch = startWatch(memoryNow())
  running = setInterval(() => {
    const next = nextReading(watch, memoryNow(), GROWTH_MB * 2 ** 20)
    watch = next.watch
    if (!next.collect) return
    collect()
    watch = startWatch(memoryNow())
  }, CHECK_MS)
  running.unref()
}

/** The JavaScript heap's size, and the resident memory it does not account for. */
function memoryNow(): MemoryReading {
  const { rss, heapTotal } = process.memoryUsage()
  return { heap: heapTotal, outside: rss - heapTotal }
}
