import { spawn } from 'node:child_process'
import { createReadStream } from 'node:fs'
import path from 'node:path'

import { alternateRounds } from '../alternateRounds'
import { ratioOf } from '../benchReport'
import { median } from '../median'
import type { BenchContext, ScenarioResult } from '../scenario'

const root = path.resolve(import.meta.dirname, '../../..')
const ROUNDS = 3

/** The rows and columns the export writes, as one query for the database's own dump tool. */
const SELECT = `select r.id, s.external_id, p.slug, r.version_number, r.content_hash, r.method, r.source, r.accepted_at, r.locale, r.ip, r.user_agent, r.notices
  from acceptances r join subjects s on s.id = r.subject_id join policies p on p.id = r.policy_id order by r.id`

/** Runs a command to completion; returns its wall time and what it wrote to stderr. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ seconds: number; stderr: string }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve({ seconds: (performance.now() - started) / 1000, stderr }) : reject(new Error(`${command} exited with ${code}: ${stderr.trim().split('\n').at(-1)}`))))
  })
}

async function lineCount(file: string): Promise<number> {
  let lines = 0
  for await (const chunk of createReadStream(file)) for (const byte of chunk as Buffer) if (byte === 10) lines++
  return lines
}

/** The database's own dump of the same rows to CSV: sqlite3 or psql. */
function rawDump(databaseUrl: string, file: string): Promise<{ seconds: number; tool: string }> {
  if (databaseUrl.startsWith('postgres')) {
    return run('psql', [databaseUrl, '-q', '-c', `\\copy (${SELECT.replace(/\s+/g, ' ')}) to '${file}' with csv header`]).then(({ seconds }) => ({ seconds, tool: 'psql \\copy' }))
  }
  const dbFile = databaseUrl.replace(/^file:/, '')
  return run('sh', ['-c', `sqlite3 -csv -header "$1" "$2" > "$3"`, 'dump', dbFile, SELECT, file]).then(({ seconds }) => ({ seconds, tool: 'sqlite3 -csv' }))
}

/**
 * 4. The evidence export of every acceptance to CSV, through the CLI an operator runs (its own
 * process, so its peak memory is its own), against the database's own dump tool writing the same
 * rows and columns: 3 rounds alternating an export and a dump, wall time of each, process start
 * included; the median of the rounds' ratios, their range, and the median figures. Target: ≥ 0.5×
 * the dump's rows/s, with the export's peak RSS (the highest of the rounds) under 256 MB.
 */
export async function evidenceExport(ctx: BenchContext): Promise<ScenarioResult> {
  const exportFile = path.join(ctx.dataDir, 'export.csv')
  const dumpFile = path.join(ctx.dataDir, 'dump.csv')
  const exportRun = async () => {
    const exported = await run(process.execPath, ['scripts/assent.js', 'export', '--type', 'acceptances', '--format', 'csv', '--out', exportFile], { ...process.env, DATABASE_URL: ctx.databaseUrl })
    return { seconds: exported.seconds, peakMb: Number(exported.stderr.match(/peak RSS (\d+) MB/)?.[1] ?? Number.NaN) }
  }
  // Both write every row each round, so a ratio of rows/s is the ratio of the dump's time to the export's.
  const { rounds, ratio, range } = await alternateRounds(ROUNDS, { scenario: exportRun, baseline: () => rawDump(ctx.databaseUrl, dumpFile), ratio: (exported, dump) => ratioOf(dump.seconds, exported.seconds) })
  const [exportLines, dumpLines] = await Promise.all([lineCount(exportFile), lineCount(dumpFile)])
  const rows = exportLines - 1
  if (exportLines !== dumpLines) throw new Error(`the export wrote ${exportLines} lines, the dump ${dumpLines}`)
  const exportS = median(rounds.map((r) => r.scenario.seconds))
  const dumpS = median(rounds.map((r) => r.baseline.seconds))
  const peakMb = Math.max(...rounds.map((r) => r.scenario.peakMb))
  return {
    id: 'export',
    title: `4. Evidence export to CSV, ${rows.toLocaleString('en')} acceptances`,
    scenario: { value: Math.round(rows / exportS), unit: 'rows/s' },
    baseline: { value: Math.round(rows / dumpS), unit: 'rows/s' },
    ratio,
    target: '≥ 0.5, peak RSS < 256 MB',
    met: ratio >= 0.5 && peakMb < 256,
    details: { 'ratio range': range, rounds: ROUNDS, 'export s': +exportS.toFixed(1), 'dump s': +dumpS.toFixed(1), 'peak RSS MB': peakMb, dump: rounds[0].baseline.tool },
  }
}
