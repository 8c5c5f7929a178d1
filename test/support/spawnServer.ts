import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { nodeFlags } from '../../scripts/nodeFlags.js'

/** The output of a server process that exited. */
export interface Exited {
  code: number | null
  stdout: string
  stderr: string
}

/** The node flags with tsx named by its file, which resolves from any working folder. */
const flagsFromAnywhere = (): string[] => {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  return nodeFlags.map((flag) => (flag === 'tsx' ? tsx : flag))
}

/** Runs `src/server.ts` as `npm start` would after the build, without the admin; in `cwd` when
 * given, as a server started from another folder. */
export function spawnServer(env: Record<string, string>, cwd?: string): ChildProcess {
  const flags = cwd ? flagsFromAnywhere() : nodeFlags
  return spawn(process.execPath, [...flags, path.resolve('src/server.ts')], {
    cwd,
    env: { ...process.env, ASSENT_ADMIN: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Waits for a process to exit and collects what it printed. */
export function exited(child: ChildProcess): Promise<Exited> {
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (d) => (stdout += d))
  child.stderr?.on('data', (d) => (stderr += d))
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })))
}

/** Waits until the process prints a line matching `pattern`; rejects if it exits first. */
export function printed(child: ChildProcess, pattern: RegExp): Promise<string> {
  let out = ''
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      out += d
      const match = out.match(pattern)
      if (match) resolve(match[0])
    })
    child.stderr?.on('data', (d) => (out += d))
    child.on('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}:\n${out}`)))
  })
}

/** Server processes a test file starts, all stopped by `close` (after its tests) even when a test
 * failed midway and left one running. */
export function serverProcesses() {
  const started: ChildProcess[] = []
  return {
    start(env: Record<string, string>, cwd?: string): ChildProcess {
      const child = spawnServer(env, cwd)
      started.push(child)
      return child
    },
    close(): void {
      for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    },
  }
}
