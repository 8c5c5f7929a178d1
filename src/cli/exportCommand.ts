import { accessSync, constants, createWriteStream, existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { once } from 'node:events'

import { assentEnv } from '../config/assentEnv'
import { exportFilterSchema } from '../domain/exportFilter'
import { writeExport } from '../services/audit/writeExport'
import { openEvidence } from '../store/evidence/openEvidence'
import type { Command } from './commands'
import { peakRssMb } from './peakRssMb'

const USAGE = 'usage: npx assent export [--type acceptances|notices] [--format csv|jsonl] [--policy <slug>] [--version <n>] [--from <date>] [--to <date>] [--subject <externalId>] [--out <file>]'

/** `--name value` pairs; anything else is a usage error, named. */
function parseFlags(args: string[]): { flags: Record<string, string> } | { error: string } {
  const flags: Record<string, string> = {}
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]
    if (!name.startsWith('--')) return { error: `unexpected argument "${name}": every filter is a --flag followed by its value` }
    if (args[i + 1] === undefined) return { error: `${name} needs a value` }
    flags[name.slice(2)] = args[i + 1]
  }
  return { flags }
}

/** Why an export could not be written to `out`, found before anything is read. */
function outputProblem(out: string): string | undefined {
  const folder = path.dirname(path.resolve(out))
  if (!existsSync(folder)) return `the folder ${path.dirname(out)} does not exist; create it first.`
  if (!statSync(folder).isDirectory()) return `${path.dirname(out)} is not a folder.`
  if (existsSync(out) && statSync(out).isDirectory()) return 'is a folder: give a file name.'
  try {
    accessSync(folder, constants.W_OK)
  } catch {
    return `the folder ${path.dirname(out)} cannot be written to.`
  }
  return undefined
}

/**
 * `export`: acceptances or notices as CSV or JSON Lines, to a file or stdout, streamed page by
 * page; progress on stderr; peak memory reported at the end. The evidence store reads SQLite and
 * PostgreSQL without loading Payload (`openEvidence`), so memory stays small.
 */
export const exportCommand: Command = {
  async run(args) {
    const parsedFlags = parseFlags(args)
    if ('error' in parsedFlags) {
      console.error(`assent: ${parsedFlags.error}\n${USAGE}`)
      return 2
    }
    const { out, ...filters } = parsedFlags.flags
    const parsed = exportFilterSchema.safeParse(filters)
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.map((key) => `unknown flag --${key}`).join('; ') : `--${i.path.join('.')}: ${i.message}`))
      console.error(`assent: ${problems.join('; ')}\n${USAGE}`)
      return 2
    }
    const outProblem = out === undefined ? undefined : outputProblem(out)
    if (outProblem) {
      console.error(`assent: --out ${out}: ${outProblem}`)
      return 2
    }
    const filter = parsed.data
    const { databaseUrl } = assentEnv()
    const source = await openEvidence(databaseUrl, async () => (await import('../startPayload')).startPayload())
    try {
      const total = await source.evidence.countExport(filter)
      const target = out ? createWriteStream(out) : process.stdout
      const started = performance.now()
      let shown = -1
      const progress = (count: number) => {
        const percent = total === 0 ? 100 : Math.floor((count / total) * 100)
        if (percent === shown) return
        shown = percent
        const filled = Math.round(percent / 4)
        process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}[${'#'.repeat(filled)}${'.'.repeat(25 - filled)}] ${percent}% ${count.toLocaleString('en')} / ${total.toLocaleString('en')} ${filter.type}${process.stderr.isTTY ? '' : '\n'}`)
      }
      progress(0)
      const count = await writeExport(source.evidence.exportRows(filter), filter, target, progress)
      if (out) {
        target.end()
        await once(target, 'finish')
      }
      await source.accessRecords.recordAccess({ actor: `cli:${process.env.USER ?? 'operator'}`, action: 'export', resource: filter.type, detail: JSON.stringify(filters), count })
      const seconds = (performance.now() - started) / 1000
      const peakMb = peakRssMb()
      process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}Exported ${count.toLocaleString('en')} ${filter.type} as ${filter.format}${out ? ` to ${out}` : ''} in ${seconds.toFixed(1)} s (${Math.round(count / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s, peak RSS ${peakMb.toFixed(0)} MB).\n`)
      return 0
    } finally {
      await source.close()
    }
  },
}
