import { parse as parseYaml } from 'yaml'

import { changeClasses, type ChangeClass } from '../domain/changeClass'

/** One dated revision of a policy, read from a Markdown file of an imported history. */
export interface RevisionFile {
  name: string
  effectiveAt: Date
  markdown: string
  changeClass?: ChangeClass
  summary?: string
  /** The policy's title, for an import that creates the policy. */
  title?: string
  /** The locale of a translation, as written in its name (`2020-02-10.fr.md`, or the folder of
   * `fr/2020-02-10.md`); absent for the text in the site's default locale. Checked by the import. */
  locale?: string
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/
const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})/

/** `fr/2020-02-10.md`: a folder per locale. */
const LOCALE_FOLDER = /^([^/\\]+)[/\\]([^/\\]+)$/
/** `2020-02-10.fr.md`: a second extension naming the locale (a word, not a number: `v1.2.md` is none). */
const LOCALE_SUFFIX = /^(.+)\.([A-Za-z][A-Za-z0-9_-]{0,34})\.md$/i

/** The file's own name and the locale its name or folder gives, if any. */
export function localeOfName(name: string): { base: string; locale?: string } {
  const folder = name.match(LOCALE_FOLDER)
  if (folder) return { base: folder[2], locale: folder[1] }
  const suffix = name.match(LOCALE_SUFFIX)
  return suffix ? { base: `${suffix[1]}.md`, locale: suffix[2] } : { base: name }
}

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** A date as written; `invalid` when it is not one (2020-13-45, "soon"); undefined when absent. */
function toDate(value: unknown): Date | 'invalid' | undefined {
  if (value === undefined || value === null) return undefined
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined
  if (!date || Number.isNaN(date.getTime())) return 'invalid'
  // JavaScript rolls 2021-02-30 over to 2 March: a calendar day must read back as written.
  const text = typeof value === 'string' ? value.trim() : undefined
  if (text && CALENDAR_DAY.test(text) && date.toISOString().slice(0, 10) !== text) return 'invalid'
  return date
}

/** The front matter's fields, or an Error naming the file and the first line of the YAML problem. */
function frontMatter(name: string, yaml: string): Record<string, unknown> | null {
  try {
    return parseYaml(yaml) as Record<string, unknown> | null
  } catch (error) {
    const { linePos } = error as { linePos?: { line: number }[] }
    const where = linePos?.[0] ? ` (line ${linePos[0].line + 1} of the file)` : ''
    const reason = String((error as Error).message).split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
    throw new Error(`${name}: the front matter is not valid YAML${where}: ${reason}.`)
  }
}

/**
 * Reads a revision: the effective date from YAML front matter (`effective:`) or else from a file
 * name beginning with a date (`2020-02-10-privacy.md`); optional `changeClass`, `summary` and
 * `title`. A name with a locale (`2020-02-10.fr.md`, `fr/2020-02-10.md`) is a translation of
 * the same date's text. Throws an Error naming the file when neither gives a date, or a field is malformed.
 */
export function parseRevisionFile(name: string, content: string): RevisionFile {
  const match = content.match(FRONT_MATTER)
  const meta = match ? frontMatter(name, match[1]) : {}
  const markdown = match ? content.slice(match[0].length) : content
  const fromMeta = toDate(meta?.effective)
  if (fromMeta === 'invalid') throw new Error(`${name}: invalid date "${String(meta?.effective)}" in front matter "effective:"; write it as 2020-02-10.`)
  const { base, locale } = localeOfName(name)
  const named = base.match(DATE_PREFIX)?.[1]
  const fromName = toDate(named)
  if (!fromMeta && fromName === 'invalid') throw new Error(`${name}: invalid date ${named} in the file name; name the file 2020-02-10-….md with a real date.`)
  const effectiveAt = fromMeta ?? fromName
  if (!effectiveAt || effectiveAt === 'invalid') {
    throw new Error(`${name}: no effective date; name the file 2020-02-10-….md or add front matter "effective: 2020-02-10".`)
  }
  const changeClass = meta?.changeClass
  if (changeClass !== undefined && !changeClasses.includes(changeClass as ChangeClass)) {
    throw new Error(`${name}: changeClass must be one of ${changeClasses.join(', ')}.`)
  }
  const title = meta?.title
  if (title !== undefined && (typeof title !== 'string' || !title.trim())) {
    throw new Error(`${name}: title must be text.`)
  }
  return {
    name,
    effectiveAt,
    markdown,
    changeClass: changeClass as ChangeClass | undefined,
    summary: typeof meta?.summary === 'string' ? meta.summary : undefined,
    title: typeof title === 'string' ? title.trim() : undefined,
    ...(locale !== undefined ? { locale } : {}),
  }
}

/** Revisions oldest first; on the same date, by file name. */
export const inHistoryOrder = (files: RevisionFile[]): RevisionFile[] =>
  [...files].sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.name.localeCompare(b.name))
