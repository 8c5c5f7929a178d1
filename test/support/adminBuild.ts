import { mkdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { adminBuildIsCurrent, buildAdmin } from '../../scripts/adminBuild.js'

const LOCK = path.resolve('.next-build.lock')
const STALE_MS = 10 * 60_000

/**
 * Makes sure the admin build is current, building it at most once however many browser test
 * files ask at the same time (two `next build`s in one folder break each other): the first takes
 * a lock directory, the others wait for it and find the build current.
 */
export async function ensureAdminBuild(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK)
      break
    } catch {
      // A lock left by a killed run is taken over after ten minutes.
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > STALE_MS) rmSync(LOCK, { recursive: true, force: true })
      else await sleep(1000)
    }
  }
  try {
    if (!adminBuildIsCurrent()) buildAdmin()
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
}
