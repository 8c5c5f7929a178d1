#!/usr/bin/env node
// `node scripts/policy-history.js <git repository> <path of a Markdown file in it> <folder>`:
// writes every revision of the file in the repository's history (renames followed) into the
// folder as a dated revision file that `npx assent import <slug> <folder>` reads.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { parse as parseYaml, stringify as stringifyYaml } from 'yaml'

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/

/** @param {string} repository @param {string[]} args */
const git = (repository, args) => execFileSync('git', ['-C', repository, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })

/**
 * The commits that changed `file`, oldest first, each with the file's path at that commit (it
 * may have been renamed since) and the commit date. Commits that deleted it are left out.
 * @param {string} repository a work tree or a bare repository
 * @param {string} file the file's path today
 * @returns {{ sha: string, date: string, path: string, subject: string }[]}
 */
export function fileCommits(repository, file) {
  const log = git(repository, ['log', '--follow', '--name-status', '--format=%x1e%H%x1f%cI%x1f%s', '--', file])
  return log
    .split('\x1e')
    .slice(1)
    .flatMap((entry) => {
      const [header, ...lines] = entry.split('\n')
      const [sha, date, subject] = header.split('\x1f')
      // `M\tpath`, `A\tpath`, `R096\told\tnew`: the last field is the path in this commit.
      const status = lines.find((line) => /^[AMRCT]\d*\t/.test(line))
      return status ? [{ sha, date, path: status.split('\t').at(-1) ?? file, subject }] : []
    })
    .reverse()
}

/**
 * A file's text split into its YAML front matter (parsed; `{}` when absent) and its Markdown.
 * @param {string} text
 * @returns {{ meta: Record<string, unknown>, markdown: string }}
 */
export function splitFrontMatter(text) {
  const match = text.match(FRONT_MATTER)
  const meta = match ? parseYaml(match[1]) : undefined
  return { meta: meta && typeof meta === 'object' ? meta : {}, markdown: match ? text.slice(match[0].length) : text }
}

/**
 * Writes each revision of `file` whose Markdown differs from the one before it into `folder`
 * (created if needed; refused if it already holds Markdown files) as `<date>-<commit>.md`, with
 * front matter `effective:` (the commit date), `title:` (the file's own, when it has one) and
 * `summary:` (the commit's subject).
 * @param {{ repository: string, file: string, folder: string }} options
 * @returns {{ commits: number, written: string[] }}
 */
export function extractPolicyHistory({ repository, file, folder }) {
  mkdirSync(folder, { recursive: true })
  if (readdirSync(folder).some((name) => name.toLowerCase().endsWith('.md'))) {
    throw new Error(`${folder} already holds Markdown files; give an empty folder, so the import reads one history only.`)
  }
  const commits = fileCommits(repository, file)
  if (commits.length === 0) throw new Error(`${file} has no history in ${repository}.`)
  /** @type {string[]} */
  const written = []
  let previous
  for (const commit of commits) {
    const { meta, markdown } = splitFrontMatter(git(repository, ['show', `${commit.sha}:${commit.path}`]))
    if (markdown === previous) continue
    previous = markdown
    const front = { effective: commit.date, ...(typeof meta.title === 'string' ? { title: meta.title } : {}), summary: `${commit.subject} (commit ${commit.sha.slice(0, 7)})` }
    const name = `${commit.date.slice(0, 10)}-${commit.sha.slice(0, 7)}.md`
    writeFileSync(path.join(folder, name), `---\n${stringifyYaml(front)}---\n${markdown}`)
    written.push(name)
  }
  return { commits: commits.length, written }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [repository, file, folder] = process.argv.slice(2)
  if (!repository || !file || !folder) {
    console.error('usage: node scripts/policy-history.js <git repository> <path of a Markdown file in it> <folder>')
    process.exit(2)
  }
  try {
    const { commits, written } = extractPolicyHistory({ repository, file, folder })
    console.log(`${written.length} revisions written to ${folder} (${commits} commits changed ${file}; ${commits - written.length} left its text as it was).`)
    console.log(`Import them with: npx assent import <slug> ${folder} --acceptance-mode clickwrap --notice-period-days 30`)
  } catch (error) {
    console.error(`policy-history: ${error instanceof Error ? error.message.trim() : String(error)}`)
    process.exit(2)
  }
}
