import { fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'

import { freePort } from '../../test/support/freePort'
import { nodeFlags } from '../nodeFlags.js'

/** A server process under measurement. */
export interface BenchServer {
  url: string
  /** The server's process, for its CPU time (`processCpu`). */
  pid: number
  stop: () => Promise<void>
}

const root = path.resolve(import.meta.dirname, '../..')

async function waitUntilServing(child: ChildProcess, url: string, path: string): Promise<void> {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server process exited with ${child.exitCode}`)
    try {
      // Answered by this child, not by a server another run left on the port.
      if ((await fetch(url + path)).ok && child.exitCode === null) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`no answer from ${url}${path} within 120 s`)
}

/** With `npm run bench -- --cpu-prof`, Assent's server processes write a V8 CPU profile on exit. */
const profiled = (script: string) =>
  process.env.BENCH_CPU_PROF_DIR && script === 'src/server.ts' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : []

/** Starts `script` of the checkout `from` on a port free right now (fixed ports let two runs on one
 * machine measure each other's servers), with the environment `env` gives for that address. */
async function serve(script: string, env: (url: string) => Record<string, string>, readyPath: string, from = root): Promise<BenchServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = fork(path.join(from, script), { cwd: from, execArgv: [...nodeFlags, ...profiled(script)], env: { ...process.env, ...env(url), PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  await waitUntilServing(child, url, readyPath)
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      const exited = once(child, 'exit')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** Assent's server (API and Legal Center, no admin, no notice worker) on the benchmark database;
 * this checkout's, or that of the checkout `from` (`--compare`). */
export const startAssentServer = (databaseUrl: string, dataDir: string, from = root): Promise<BenchServer> =>
  serve('src/server.ts', (url) => ({ DATABASE_URL: databaseUrl, ASSENT_DATA_DIR: dataDir, ASSENT_ADMIN: 'off', NOTICE_WORKER: 'off', LEDGER_CHECKPOINT_MINUTES: '0', PUBLIC_URL: url }), '/healthz', from)

/** The baseline: a bare express handler answering `body`, started the same way. */
export const startBareServer = (body: unknown): Promise<BenchServer> => serve('scripts/bench/bareServer.ts', () => ({ BARE_BODY: JSON.stringify(body) }), '/ready')

/** The baseline of a page: a bare express handler answering the HTML file `file`, read once. */
export const startBarePageServer = (file: string): Promise<BenchServer> => serve('scripts/bench/bareServer.ts', () => ({ BARE_PAGE: file }), '/ready')
