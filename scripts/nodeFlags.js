// Node flags every Assent process runs with.
// - tsx runs the TypeScript sources directly.
// - `--conditions=production` makes Lexical (the rich-text editor's engine) load its plain
//   production modules: its default Node entry points import themselves with top-level await, and
//   on Node 20 a graph of those sometimes never settles (the process exits 13 or hangs at start).
// - `--heap-growing-percent=50`: V8 collects the heap, a little at a time, once it has grown by half
//   over what the last collection kept. By its own measure V8 let it grow up to four times (90 MB
//   kept, 370 MB before the next collection under login traffic), which the process's resident
//   memory follows; a full collection forced to bound that stopped the server for 35 to 75 ms
//   (nativeMemoryGuard.ts now forces one only for memory outside the heap).
export const nodeFlags = ['--conditions=production', '--import', 'tsx', '--heap-growing-percent=50']

/** The same for child processes started through npx (NODE_OPTIONS accepts --conditions). */
export const nodeOptions = [process.env.NODE_OPTIONS, '--conditions=production'].filter(Boolean).join(' ')
