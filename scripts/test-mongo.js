#!/usr/bin/env node
// `npm run test:mongo`: the suite on MongoDB (a replica set from mongodb-memory-server). Needs a
// mongod binary on this machine (MONGOMS_SYSTEM_BINARY); without one it says so and skips.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const binary = process.env.MONGOMS_SYSTEM_BINARY
if (!binary || !existsSync(binary)) {
  console.log(`MongoDB tests skipped: ${binary ? `MONGOMS_SYSTEM_BINARY=${binary} does not exist` : 'no mongod binary (set MONGOMS_SYSTEM_BINARY to one; none can be downloaded here)'}.`)
  process.exit(0)
}
const { status } = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: 'mongodb-memory' },
})
process.exit(status ?? 1)
