#!/usr/bin/env node
// `npm start`: builds the admin when its sources changed (with a visible message), then starts
// the server, which migrates the database, seeds an empty one and serves everything on PORT.
import { spawnSync } from 'node:child_process'

import { adminBuildIsCurrent, buildAdmin } from './adminBuild.js'
import { nodeFlags } from './nodeFlags.js'

const dev = process.argv.includes('--dev')
// On a laptop `npm start` is not a deployment: data/ holds generated secrets. NODE_ENV=production
// set by the operator means a real deployment, where secrets must come from the environment.
if (process.env.NODE_ENV !== 'production' && !process.env.ASSENT_ENV) process.env.ASSENT_ENV = 'local'

if (!dev && process.env.ASSENT_ADMIN !== 'off' && !adminBuildIsCurrent()) {
  console.log('Building the admin interface (first start only, about a minute)…')
  try {
    buildAdmin()
  } catch (error) {
    console.error(`assent: ${error.message}`)
    process.exit(1)
  }
  console.log('Admin built.')
}

const env = { ...process.env, NODE_ENV: dev ? 'development' : 'production' }
const args = [...nodeFlags, 'src/server.ts', ...(dev ? ['--dev'] : [])]
const { status } = spawnSync(process.execPath, args, { stdio: 'inherit', env })
process.exit(status ?? 1)
