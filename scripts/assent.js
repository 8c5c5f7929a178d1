#!/usr/bin/env node
// `npx assent <command>`: Assent's command line, run from the TypeScript sources. Re-runs itself
// once with the Node flags every Assent process needs (scripts/nodeFlags.js).
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { nodeFlags } from './nodeFlags.js'

const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
// A streaming export holds one page at a time; a small heap makes V8 collect as it goes, so an
// export of a million rows stays well under 256 MB.
const perCommand = { export: ['--max-old-space-size=128'] }
const extra = perCommand[process.argv[2]] ?? []
const { status, signal } = spawnSync(process.execPath, [...nodeFlags, ...extra, main, ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(status ?? (signal ? 1 : 0))
