#!/usr/bin/env node
// Regenerates Payload's generated files: `types` (src/payload-types.ts) or `importmap`
// (the admin's import map). Both are generated, never edited by hand.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { nodeOptions } from './nodeFlags.js'

const what = process.argv[2]
const command = { types: 'generate:types', importmap: 'generate:importmap' }[what]
if (!command) {
  console.error('usage: node scripts/generate.js types|importmap')
  process.exit(2)
}
const scratch = mkdtempSync(path.join(tmpdir(), 'assent-generate-'))
const result = spawnSync('npx', ['payload', command], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_OPTIONS: nodeOptions,
    PAYLOAD_CONFIG_PATH: 'src/payload.config.ts',
    DATABASE_URL: `file:${path.join(scratch, 'generate.db')}`,
    ASSENT_DATA_DIR: scratch,
  },
})
process.exit(result.status ?? 1)
