// `npm run bench`: builds the data set on a scratch database, runs every scenario and its
// baseline in the same run, prints one table and writes it to bench/results-<database>.{json,md}
// (a run of another size, or of some scenarios only, to bench/local/, which git ignores).
//   npm run bench [-- --subjects 100000 --acceptances 1000000 --versions 40 --only status,ledger]
//   npm run bench -- --cpu-prof: also profiles Assent's server in each scenario (bench/local/profiles/)
//   npm run bench -- --growth [--growth-sizes 10000,100000,1000000 --per-subject 10] (growth.ts)
//   npm run bench -- --compare <revision> [--route acceptances|status --rounds 7 --seconds 2.5 --warm-up 3]
//     this checkout's server against the revision's, in alternating bursts (compareServers.ts)
// DATABASE_URL=postgres://… runs on a fresh database on that server (dropped afterwards);
// otherwise on a fresh SQLite file.
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { benchMarkdown, failedScenario, type BenchMachine } from './benchReport'
import type { OtherCheckout } from './compareServers'
import type { BenchContext, ScenarioResult } from './scenario'
import { profileSummary } from './profileSummary'
import { scratchDatabase } from './scratchDatabase'

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}
const only = arg('only', '').split(',').filter(Boolean)
const FULL_SIZE = { subjects: 100_000, acceptances: 1_000_000, versions: 40 }
const size = { subjects: Number(arg('subjects', String(FULL_SIZE.subjects))), acceptances: Number(arg('acceptances', String(FULL_SIZE.acceptances))), versions: Number(arg('versions', String(FULL_SIZE.versions))) }
/** Only a run of the full data set and every scenario is the table the README shows; any other run
 * (a smoke run in CI, one scenario) goes beside it, in bench/local/, which git ignores. */
const compared = arg('compare', '')
const isFullRun = only.length === 0 && !compared && !process.argv.includes('--cpu-prof') && (Object.keys(FULL_SIZE) as Array<keyof typeof FULL_SIZE>).every((k) => size[k] === FULL_SIZE[k])
const root = path.resolve(import.meta.dirname, '../..')

/** With --cpu-prof, where server profiles go: each scenario's are moved into a folder of its own
 * and summarized (the functions with the most self time). */
const profiles = process.argv.includes('--cpu-prof') ? path.join(root, 'bench/local/profiles') : undefined
if (profiles) {
  rmSync(profiles, { recursive: true, force: true })
  mkdirSync(profiles, { recursive: true })
  process.env.BENCH_CPU_PROF_DIR = profiles
}

function summarizeProfiles(dir: string, scenario: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))
  if (files.length === 0) return
  mkdirSync(path.join(dir, scenario), { recursive: true })
  for (const file of files) {
    renameSync(path.join(dir, file), path.join(dir, scenario, file))
    console.log(`\nProfile of the server in ${scenario} (${scenario}/${file}), most self time:\n${profileSummary(path.join(dir, scenario, file), root).join('\n')}\n`)
  }
}

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`)

/** The scenarios, in the order they run: the readers of the untouched data set first, the
 * writers after them, the fan-out (which adds 200,000 notices) last. */
const SCENARIOS: Array<{ id: string; title: string; load: () => Promise<(ctx: BenchContext) => Promise<ScenarioResult>> }> = [
  { id: 'ledger', title: '5. Ledger verification', load: async () => (await import('./scenarios/ledgerVerify')).ledgerVerify },
  { id: 'export', title: '4. Evidence export to CSV', load: async () => (await import('./scenarios/evidenceExport')).evidenceExport },
  { id: 'status', title: '1. Login status check', load: async () => (await import('./scenarios/statusCheck')).statusCheck },
  { id: 'acceptances', title: '2. Recording acceptances', load: async () => (await import('./scenarios/recordAcceptances')).recordAcceptances },
  { id: 'redline', title: '6. Redline', load: async () => (await import('./scenarios/redline')).redline },
  { id: 'fanout', title: '3. Notice fan-out', load: async () => (await import('./scenarios/noticeFanout')).noticeFanout },
]

async function main(): Promise<number> {
  const started = performance.now()
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'assent-bench-'))
  const database = await scratchDatabase(process.env.DATABASE_URL, dataDir)
  Object.assign(process.env, { DATABASE_URL: database.url, ASSENT_DATA_DIR: dataDir, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'benchmark', ASSENT_ENV: 'test', PUBLIC_URL: 'https://legal.example.com', NOTICE_WORKER: 'off' })
  const { startPayload } = await import('../../src/startPayload')
  const { closeDatabase: closePayload } = await import('../../src/store/database/closeDatabase')
  const { generateDataSet, subjectId } = await import('./dataSet')
  const payload = await startPayload()
  const results: ScenarioResult[] = []
  let other: OtherCheckout | undefined
  try {
    // Checked out before the data set is built, so a revision that cannot be compared fails at once.
    if (compared) other = (await import('./compareServers')).checkoutOf(root, compared)
    log(`data set: ${size.subjects} subjects, ${size.acceptances} acceptances, 2 × ${size.versions} versions on ${payload.db.name}`)
    const t = performance.now()
    const versions = await generateDataSet(payload, size, log)
    log(`data set ready in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    const ctx: BenchContext = { payload, databaseUrl: database.url, dataDir, size, versions, subjectId }
    if (other) {
      const options = { route: arg('route', 'acceptances'), rounds: Number(arg('rounds', '7')), seconds: Number(arg('seconds', '2.5')), warmUp: Number(arg('warm-up', '3')) }
      return await (await import('./compareServers')).compareServers(ctx, other, options, log)
    }
    for (const scenario of SCENARIOS) {
      if (only.length > 0 && !only.includes(scenario.id)) continue
      log(`${scenario.title}…`)
      const t0 = performance.now()
      try {
        results.push(await (await scenario.load())(ctx))
      } catch (error) {
        console.error(error)
        results.push(failedScenario(scenario.id, scenario.title, error))
      }
      const r = results.at(-1)!
      log(`${scenario.title}: ratio ${r.ratio} (${r.met ? 'target met' : 'target missed'}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
      if (profiles) summarizeProfiles(profiles, scenario.id)
    }
  } finally {
    await closePayload(payload)
    await database.drop()
    rmSync(dataDir, { recursive: true, force: true })
    other?.remove()
  }
  const cpus = os.cpus()
  const machine: BenchMachine = {
    date: new Date().toISOString().slice(0, 10), cpu: cpus[0]?.model.trim() ?? 'unknown CPU', cores: cpus.length, memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.versions.node, database: payload.db.name === 'postgres' ? 'postgres' : 'sqlite', size, seconds: (performance.now() - started) / 1000,
  }
  const markdown = benchMarkdown(machine, results)
  const outDir = isFullRun ? 'bench' : 'bench/local'
  mkdirSync(path.join(root, outDir), { recursive: true })
  const name = `${outDir}/results-${machine.database}`
  writeFileSync(path.join(root, `${name}.json`), `${JSON.stringify({ machine, results }, null, 2)}\n`)
  writeFileSync(path.join(root, `${name}.md`), markdown)
  console.log(`\n${markdown}\nWritten to ${name}.json and ${name}.md`)
  // A missed target is a finding, reported in the table; a scenario that could not run is a failure.
  return results.every((r) => !('error' in r.details)) ? 0 : 1
}

const run = process.argv.includes('--growth') ? async () => (await import('./growth')).runGrowth(arg, root, log) : main
run().then((code) => process.exit(code), (error: unknown) => {
  console.error(error)
  process.exit(2)
})
