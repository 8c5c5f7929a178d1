// `npm run bench -- --growth [--growth-sizes 10000,100000,1000000] [--per-subject 10]`: the cost
// of each operation that must not grow with history (status, acceptance, inclusion proof, evidence
// pack, and a checkpoint after 1,000 new entries), at each size, every size on a fresh database in
// a process of its own. `per-subject` acceptances per subject make the ledger (10 by default:
// 100k / 1M / 10M entries). Target: at the largest size within 1.5× of the smallest.
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { SettledTiming } from './settledTiming'

const OPS = [
  ['status', 'Login status check'],
  ['acceptance', 'Recording an acceptance'],
  ['proof', 'Inclusion proof'],
  ['evidencePack', 'Evidence pack'],
  ['checkpointAfter1000', 'Checkpoint after 1,000 new entries'],
] as const
const DEFAULT_SIZES = [10_000, 100_000, 1_000_000]
const LIMIT = 1.5

interface Step {
  size: { subjects: number; acceptances: number; versions: number }
  ledgerEntries: number
  dataSetSeconds: number
  ops: Record<(typeof OPS)[number][0], SettledTiming>
}

export function runGrowth(arg: (name: string, fallback: string) => string, root: string, log: (line: string) => void): number {
  const sizes = arg('growth-sizes', DEFAULT_SIZES.join(',')).split(',').map(Number)
  const perSubject = Number(arg('per-subject', '10'))
  const database = process.env.DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite'
  const steps: Step[] = []
  for (const subjects of sizes) {
    const size = { subjects, acceptances: subjects * perSubject, versions: Math.ceil(perSubject / 2) + 1 }
    log(`growth: ${subjects} subjects, ${size.acceptances} acceptances on ${database}…`)
    const child = spawnSync(process.execPath, [...process.execArgv, path.join(import.meta.dirname, 'growthStep.ts'), '--subjects', String(size.subjects), '--acceptances', String(size.acceptances), '--versions', String(size.versions)], {
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
      env: process.env,
    })
    const line = child.stdout.split('\n').find((l) => l.startsWith('GROWTH '))
    if (child.status !== 0 || !line) {
      console.error(child.stderr.slice(-4000))
      log(`growth: the run at ${subjects} subjects failed (exit ${child.status})`)
      return 1
    }
    steps.push(JSON.parse(line.slice('GROWTH '.length)) as Step)
    log(`growth: ${subjects} subjects done (data set ${steps.at(-1)!.dataSetSeconds} s)`)
  }
  const first = steps[0]
  const last = steps.at(-1)!
  const rows = OPS.map(([id, title]) => {
    const ratio = Math.round((last.ops[id].medianMs / first.ops[id].medianMs) * 100) / 100
    return { id, title, medians: steps.map((s) => s.ops[id].medianMs), p90s: steps.map((s) => s.ops[id].p90Ms), firstRounds: steps.map((s) => s.ops[id].firstRoundMs), warmUpCalls: steps.map((s) => s.ops[id].warmUpCalls), ratio, met: ratio <= LIMIT }
  })
  const cpus = os.cpus()
  const machine = { date: new Date().toISOString().slice(0, 10), cpu: cpus[0]?.model.trim() ?? 'unknown CPU', cores: cpus.length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.versions.node, database }
  const header = steps.map((s) => `${s.size.subjects.toLocaleString('en')} subjects, ${s.ledgerEntries.toLocaleString('en')} entries`)
  const markdown = [
    `Growth, measured ${machine.date} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB), Node ${machine.node}, ${database === 'postgres' ? 'PostgreSQL' : 'SQLite'}; median ms per call (p90), one call at a time, once settled.`,
    '',
    `| Operation | ${header.join(' | ')} | Largest ÷ smallest | Target | Met |`,
    `|---|${steps.map(() => '---|').join('')}---|---|---|`,
    ...rows.map((r) => `| ${r.title} | ${r.medians.map((m, i) => `${m} (${r.p90s[i]})`).join(' | ')} | ${r.ratio} | ≤ ${LIMIT} | ${r.met ? 'yes' : '**no**'} |`),
    '',
    'Each operation was timed once it had settled: untimed rounds of as many calls first, until two rounds running were each no faster than 95% of the one before. The first round (a server just started) and the calls made before timing:',
    '',
    `| Operation | ${header.join(' | ')} |`,
    `|---|${steps.map(() => '---|').join('')}`,
    ...rows.map((r) => `| ${r.title} | ${r.firstRounds.map((m, i) => `${m} ms, ${r.warmUpCalls[i].toLocaleString('en')} calls`).join(' | ')} |`),
  ].join('\n')
  const outDir = sizes.join(',') === DEFAULT_SIZES.join(',') && perSubject === 10 ? 'bench' : 'bench/local'
  mkdirSync(path.join(root, outDir), { recursive: true })
  const name = `${outDir}/growth-${database}`
  writeFileSync(path.join(root, `${name}.json`), `${JSON.stringify({ machine, perSubject, steps, rows }, null, 2)}\n`)
  writeFileSync(path.join(root, `${name}.md`), `${markdown}\n`)
  console.log(`\n${markdown}\n\nWritten to ${name}.json and ${name}.md`)
  return 0
}
