// The entry of a redline worker thread. A worker does not inherit the TypeScript loader the
// server runs with (`node --import tsx`, or vitest's), so it registers tsx itself for the module
// that does the work.
import { tsImport } from 'tsx/esm/api'

await tsImport('./redlineWorker.ts', import.meta.url)
