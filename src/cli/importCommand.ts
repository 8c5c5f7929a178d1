import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { z } from 'zod'

import { parseRevisionFile } from '../formats/parseRevisionFile'
import { isPolicySlug } from '../domain/policySlug'
import { acceptanceModes } from '../domain/versionRules'
import { isAssentError, type AssentError } from '../errors/AssentError'
import { importHistory, type ImportOptions } from '../services/publishing/importHistory'
import { startPayload, stopPayload } from '../startPayload'
import type { Command } from './commands'

const USAGE = `usage: npx assent import <slug> <folder> [--publish-upcoming] [--title <title>] [--acceptance-mode ${acceptanceModes.join('|')}] [--notice-period-days <days>]`

const OPTIONS = {
  'publish-upcoming': { type: 'boolean' },
  title: { type: 'string' },
  'acceptance-mode': { type: 'string' },
  'notice-period-days': { type: 'string' },
} as const

/** The flag that sets each policy choice, as a person would type it. */
const FLAG = { title: '--title <title>', acceptanceMode: `--acceptance-mode ${acceptanceModes.join('|')}`, noticePeriodDays: '--notice-period-days <days>' } as const

const flagsSchema = z.object({
  'publish-upcoming': z.literal(true, { error: '--publish-upcoming takes no value.' }).optional(),
  title: z.string({ error: '--title needs the policy\'s title.' }).trim().min(1, { error: '--title needs the policy\'s title.' }).optional(),
  'acceptance-mode': z.enum(acceptanceModes, { error: `--acceptance-mode must be ${acceptanceModes.join(' or ')}.` }).optional(),
  'notice-period-days': z
    .string({ error: '--notice-period-days needs a number of days.' })
    .regex(/^\d{1,3}$/, { error: '--notice-period-days must be a whole number of days from 0 to 365.' })
    .transform(Number)
    .pipe(z.number().max(365, { error: '--notice-period-days must be a whole number of days from 0 to 365.' }))
    .optional(),
})

type Parsed = { slug: string; folder: string; options: ImportOptions }

/** The command line as an import, or the one line that says what is wrong with it. */
function parseCommandLine(args: string[]): Parsed | string {
  const { values, positionals, tokens } = parseArgs({ args, options: OPTIONS, strict: false, allowPositionals: true, tokens: true })
  const unknown = tokens.find((t) => t.kind === 'option' && !(t.name in OPTIONS))
  if (unknown?.kind === 'option') return `import has no option ${unknown.rawName} (it takes --publish-upcoming, --title, --acceptance-mode, --notice-period-days).`
  // A flag followed by another flag lost its value.
  const swallowed = tokens.find((t) => t.kind === 'option' && typeof t.value === 'string' && !t.inlineValue && t.value.startsWith('--'))
  if (swallowed?.kind === 'option') return `${swallowed.rawName} needs a value before ${swallowed.value}.`
  const flags = flagsSchema.safeParse(values)
  if (!flags.success) return flags.error.issues[0].message
  const [slug, folder, ...extra] = positionals
  if (!slug || !folder || extra.length > 0 || !isPolicySlug(slug)) return `${USAGE}   (slug: lowercase words joined by hyphens)`
  const f = flags.data
  const policy = { title: f.title, acceptanceMode: f['acceptance-mode'], noticePeriodDays: f['notice-period-days'] }
  return { slug, folder, options: { publishUpcoming: f['publish-upcoming'] ?? false, policy } }
}

/** The .md files of a history folder, and those of its folders (one per locale: `fr/2020-02-10.md`),
 * named from the folder. */
async function markdownFiles(folder: string): Promise<string[]> {
  const isMarkdown = (name: string) => name.toLowerCase().endsWith('.md')
  const entries = await readdir(folder, { withFileTypes: true })
  const names = entries.filter((e) => e.isFile() && isMarkdown(e.name)).map((e) => e.name)
  for (const sub of entries.filter((e) => e.isDirectory())) {
    const inner = await readdir(path.join(folder, sub.name))
    names.push(...inner.filter(isMarkdown).map((name) => `${sub.name}/${name}`))
  }
  return names
}

/** A refusal of the import as one line, in terms of the command's flags where it is about them. */
function refusalLine(error: AssentError, slug: string): string {
  const details = error.details ?? {}
  const missing = details.missing as (keyof typeof FLAG)[] | undefined
  if (missing) {
    const title = missing.includes('title') ? ' (--title is not needed when a file\'s front matter has title:)' : ''
    return `no policy "${slug}" yet: to create it, give ${missing.map((m) => FLAG[m]).join(', ')}${title}.`
  }
  const conflicting = details.conflicting as { field: keyof typeof FLAG; given: unknown; existing: unknown }[] | undefined
  if (conflicting) {
    const described = conflicting.map((c) => `${FLAG[c.field].split(' ')[0]} ${c.given} (it has ${c.existing})`).join(', ')
    return `policy "${slug}" exists and an import does not change it: ${described}; leave the flag out, or change the policy in the admin.`
  }
  if (error.code === 'import_dated_in_future') return `${error.message} To do so, run the import again with --publish-upcoming.`
  return error.message
}

/**
 * `import <slug> <folder>`: publishes a folder of dated Markdown revisions as the policy's
 * history. Everything it refuses, it refuses before writing anything, in one line (exit 2).
 */
export const importCommand: Command = {
  async run(args) {
    const parsed = parseCommandLine(args)
    if (typeof parsed === 'string') {
      console.error(parsed.startsWith('usage:') ? parsed : `assent: ${parsed}`)
      return 2
    }
    const { slug, folder, options } = parsed
    const listing = await readdir(folder).then((all) => ({ all }), (error: NodeJS.ErrnoException) => ({ error }))
    if ('error' in listing) {
      const code = listing.error.code
      const problem = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is a file, not a folder' : `cannot be read (${code})`
      console.error(`assent: ${folder} ${problem}: give the folder of dated .md files to import.`)
      return 2
    }
    const names = await markdownFiles(folder)
    if (!names.length) {
      console.error(`assent: ${folder} has no .md files to import (nor a folder per language of them).`)
      return 2
    }
    let files
    try {
      files = await Promise.all(names.map(async (name) => parseRevisionFile(name, await readFile(path.join(folder, name), 'utf8'))))
    } catch (error) {
      console.error(`assent: ${(error as Error).message}`)
      return 2
    }
    const payload = await startPayload()
    try {
      const result = await importHistory(payload, slug, files, options)
      const { created } = result
      if (created) console.log(`created policy "${result.policy}": ${created.title}, ${created.acceptanceMode}, ${created.noticePeriodDays} days' notice for material changes`)
      for (const { file, version, upcoming, notices } of result.imported) {
        console.log(upcoming ? `published ${file} as upcoming version ${version} through the publishing rules: ${notices} notices queued` : `imported ${file} as version ${version}`)
      }
      for (const { file, version, locale, added } of result.translations) {
        console.log(added ? `imported ${file} as the ${locale} translation of version ${version}` : `${file}: version ${version} already has a ${locale} text: already present`)
      }
      for (const { file, version, effectiveAt, sameDate } of result.sameText) {
        const day = effectiveAt.toISOString().slice(0, 10)
        console.log(sameDate ? `${file}: same text as version ${version}, with the same date (${day}): already present` : `${file}: same text as version ${version} (effective ${day}), on another date: not published, as it changes nothing`)
      }
      const repeats = result.sameText.length - result.skipped.length
      const translated = result.translations.filter((t) => t.added).length
      const translations = result.translations.length ? `, ${translated} translation${translated === 1 ? '' : 's'} added` : ''
      console.log(`${result.imported.length} imported, ${result.skipped.length} already present${repeats ? `, ${repeats} not published (same text as the version before)` : ''}${translations} (policy "${result.policy}").`)
      return 0
    } catch (error) {
      if (!isAssentError(error)) throw error
      console.error(`assent: ${refusalLine(error, slug)}`)
      return 2
    } finally {
      await stopPayload(payload)
    }
  },
}
