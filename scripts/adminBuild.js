// Whether the admin (Next) build is current, and how to make it. The build is keyed by a hash of
// everything it is compiled from, so `npm start` rebuilds only when those change.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'

const inputs = ['src', 'collections', 'next.config.js', 'package-lock.json', 'tsconfig.json']
const stampFile = path.join('.next', 'assent-build-hash')

function* files(entry) {
  if (!existsSync(entry)) return
  if (statSync(entry).isDirectory()) {
    for (const name of readdirSync(entry).sort()) yield* files(path.join(entry, name))
  } else {
    yield entry
  }
}

function sourceHash() {
  const hash = createHash('sha256')
  for (const input of inputs) for (const file of files(input)) hash.update(file).update(readFileSync(file))
  return hash.digest('hex')
}

export function adminBuildIsCurrent() {
  return existsSync(path.join('.next', 'BUILD_ID')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === sourceHash()
}

/** Runs `next build` for the admin; throws when it fails. */
export function buildAdmin() {
  const before = sourceHash()
  const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }
  const { status } = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit', env })
  if (status !== 0) throw new Error('building the admin failed (see above)')
  writeFileSync(stampFile, before)
}
