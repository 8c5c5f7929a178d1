// The entry of the redline timer's thread: a worker does not inherit the TypeScript loader.
import { tsImport } from 'tsx/esm/api'

await tsImport('./redlineTimer.ts', import.meta.url)
