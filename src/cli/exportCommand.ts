import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

import { exportFilterSchema } from '../domain/exportFilter'
import { closePayload } from '../db/closePayload'
import { recordAccess } from '../services/audit/recordAccess'
import { countExport, exportRecords } from '../services/audit/exportRecords'
import { writeExport } from '../services/audit/writeExport'
import { startPayload } from '../startPayload'
import type { Command } from './commands'

const USAGE = 'usage: npx assent export [--type acceptances|notices] [--format csv|jsonl] [--policy <slug>] [--version <n>] [--from <date>] [--to <date>] [--subject <externalId>] [--out <file>]'

/** `--name value` pairs; anything else is a usage error. */
function parseFlags(args: string[]): Record<string, string> | undefined {
  const flags: Record<string, string> = {}
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]
    if (!name.startsWith('--') || args[i + 1] === undefined) return undefined
    flags[name.slice(2)] = args[i + 1]
  }
  return flags
}

/**
 * `export`: acceptances or notices as CSV or JSON Lines, to a file or stdout, streamed page by
 * page; progress on stderr; peak memory reported at the end.
 */
export const exportCommand: Command = {
  async run(args) {
    const flags = parseFlags(args)
    if (!flags) {
      console.error(USAGE)
      return 2
    }
    const { out, ...filters } = flags
    const parsed = exportFilterSchema.safeParse(filters)
    if (!parsed.success) {
      console.error(`assent: invalid export filter: ${parsed.error.issues.map((i) => `${i.path.join('.') || i.message}: ${i.message}`).join('; ')}\n${USAGE}`)
      return 2
    }
    const filter = parsed.data
    const payload = await startPayload()
    try {
      const total = await countExport(payload, filter)
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
      const count = await writeExport(exportRecords(payload, filter), filter, target, progress)
      if (out) {
        target.end()
        await once(target, 'finish')
      }
      await recordAccess(payload, { actor: `cli:${process.env.USER ?? 'operator'}`, action: 'export', resource: filter.type, detail: JSON.stringify(filters), count })
      const seconds = (performance.now() - started) / 1000
      const peakMb = process.resourceUsage().maxRSS / 1024
      process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}Exported ${count.toLocaleString('en')} ${filter.type} as ${filter.format}${out ? ` to ${out}` : ''} in ${seconds.toFixed(1)} s (${Math.round(count / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s, peak RSS ${peakMb.toFixed(0)} MB).\n`)
      return 0
    } finally {
      await closePayload(payload)
    }
  },
}
