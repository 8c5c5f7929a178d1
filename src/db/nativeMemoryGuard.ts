import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'

/** How far resident memory may grow past its lowest since the last full collection. */
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
 * Runs a full garbage collection whenever the process's resident memory has grown by more than
 * 64 MB from its lowest since the last one. Memory that lives outside the JavaScript heap does not
 * tell V8 to collect: libsql (the SQLite driver) allocates native memory for every statement and
 * every query's rows that only a full collection frees, and so did each Intl formatter before they
 * were kept (intlFormats.ts). A publication's outbox drain reached 1.2 to 1.7 GB resident at 10,000
 * subjects with a heap under 250 MB. Checked ten times a second (reading the resident size is a
 * few microseconds); the timer does not keep the process alive.
 */
export function startNativeMemoryGuard(): void {
  if (running) return
  const collect = fullCollection()
  // The lowest resident size since the last collection: read just after one, it is still high
  // (freed pages are returned a moment later), and growth from there went unseen to 550 MB.
  let low = process.memoryUsage.rss()
  running = setInterval(() => {
    const rss = process.memoryUsage.rss()
    low = Math.min(low, rss)
    if (rss - low < GROWTH_MB * 2 ** 20) return
    collect()
    low = process.memoryUsage.rss()
  }, CHECK_MS)
  running.unref()
}
