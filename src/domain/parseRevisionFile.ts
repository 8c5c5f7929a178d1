import { parse as parseYaml } from 'yaml'

import { changeClasses, type ChangeClass } from './changeClass'

/** One dated revision of a policy, read from a Markdown file of an imported history. */
export interface RevisionFile {
  name: string
  effectiveAt: Date
  markdown: string
  changeClass?: ChangeClass
  summary?: string
  /** The policy's title, for an import that creates the policy. */
  title?: string
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/
const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})/

function toDate(value: unknown): Date | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined
  return date && !Number.isNaN(date.getTime()) ? date : undefined
}

/**
 * Reads a revision: the effective date from YAML front matter (`effective:`) or else from a file
 * name beginning with a date (`2020-02-10-privacy.md`); optional `changeClass`, `summary` and
 * `title`. Throws an Error naming the file when neither gives a date, or a field is malformed.
 */
export function parseRevisionFile(name: string, content: string): RevisionFile {
  const match = content.match(FRONT_MATTER)
  const meta = (match ? parseYaml(match[1]) : {}) as Record<string, unknown> | null
  const markdown = match ? content.slice(match[0].length) : content
  const effectiveAt = toDate(meta?.effective) ?? toDate(name.match(DATE_PREFIX)?.[1])
  if (!effectiveAt) {
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
  }
}

/** Revisions oldest first; on the same date, by file name. */
export const inHistoryOrder = (files: RevisionFile[]): RevisionFile[] =>
  [...files].sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.name.localeCompare(b.name))
