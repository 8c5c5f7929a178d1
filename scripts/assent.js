#!/usr/bin/env node
// `npx assent <command>`: Assent's command line, run from the TypeScript sources. Re-runs itself
// once with the Node flags every Assent process needs (scripts/nodeFlags.js).
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { nodeFlags } from './nodeFlags.js'

const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
const { status, signal } = spawnSync(process.execPath, [...nodeFlags, main, ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(status ?? (signal ? 1 : 0))
