// The entry of a ledger verification thread. A worker does not inherit the TypeScript loader the
// command runs with (`node --import tsx`, or vitest's), so it loads the module that does the work
// through tsx's require hook: a thread is ready in about two thirds of the CPU time the ESM loader
// takes (which starts a loader thread of its own per worker). The module graph it loads imports no
// package, so nothing in it needs the ESM loader. The hook is registered without a namespace:
// tsx's `require(id, parent)` adds one to every file it loads, which keys its transform cache
// anew each time, so each thread started esbuild and compiled its modules again (about 0.4
// CPU-seconds a thread); registered, a thread reads them compiled from the cache.
require('tsx/cjs/api').register()

require('./ledgerBatchWorker.ts')
