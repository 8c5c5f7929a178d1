import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'

import { extractPolicyHistory, splitFrontMatter } from '../scripts/policy-history.js'
import { parseRevisionFile } from '../src/formats/parseRevisionFile'

const SCRIPT = path.resolve('scripts/policy-history.js')

/** A repository where terms.md is written, edited, given new front matter only, moved to
 * policies/terms.md and edited again; each commit on its own day. */
function makeRepository(): string {
  const repo = mkdtempSync(path.join(tmpdir(), 'assent-policy-repo-'))
  const run = (args: string[], date?: string) =>
    execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 'Legal', GIT_AUTHOR_EMAIL: 'legal@example.com', GIT_COMMITTER_NAME: 'Legal', GIT_COMMITTER_EMAIL: 'legal@example.com' } })
  const commit = (message: string, date: string) => {
    run(['add', '-A'])
    run(['commit', '-q', '-m', message], date)
  }
  run(['init', '-q'])
  const terms = (body: string, extra = '') => `---\ntitle: Example Terms\n${extra}---\n# Terms\n\n${body}\n`
  writeFileSync(path.join(repo, 'terms.md'), terms('We keep your data for 12 months.'))
  commit('First terms', '2021-03-01T10:00:00+00:00')
  writeFileSync(path.join(repo, 'terms.md'), terms('We keep your data for 24 months.'))
  commit('Longer retention', '2021-06-01T10:00:00+00:00')
  writeFileSync(path.join(repo, 'terms.md'), terms('We keep your data for 24 months.', 'redirect_from: /tos\n'))
  commit('Redirect only', '2021-07-01T10:00:00+00:00')
  mkdirSync(path.join(repo, 'policies'))
  renameSync(path.join(repo, 'terms.md'), path.join(repo, 'policies/terms.md'))
  commit('Move the terms', '2021-08-01T10:00:00+00:00')
  writeFileSync(path.join(repo, 'policies/terms.md'), terms('We keep your data for 18 months.', 'redirect_from: /tos\n'))
  commit('Shorter retention', '2022-01-15T09:30:00+01:00')
  return repo
}

describe('scripts/policy-history.js', () => {
  let repository: string
  beforeAll(() => {
    repository = makeRepository()
  })

  it('writes one dated revision file per change of the text, following renames', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'assent-history-'))
    const { commits, written } = extractPolicyHistory({ repository, file: 'policies/terms.md', folder })
    expect(commits).toBe(5)
    expect(written).toHaveLength(3)
    expect(readdirSync(folder).sort()).toEqual(written)
    const texts = written.map((name) => readFileSync(path.join(folder, name), 'utf8'))
    const revisions = texts.map((text, i) => parseRevisionFile(written[i], text))
    expect(revisions.map((r) => r.effectiveAt.toISOString())).toEqual(['2021-03-01T10:00:00.000Z', '2021-06-01T10:00:00.000Z', '2022-01-15T08:30:00.000Z'])
    expect(texts.map((text) => splitFrontMatter(text).meta.title)).toEqual(['Example Terms', 'Example Terms', 'Example Terms'])
    expect(revisions.map((r) => r.markdown)).toEqual(['# Terms\n\nWe keep your data for 12 months.\n', '# Terms\n\nWe keep your data for 24 months.\n', '# Terms\n\nWe keep your data for 18 months.\n'])
    expect(revisions[2].summary).toMatch(/^Shorter retention \(commit [0-9a-f]{7}\)$/)
  })

  it('refuses a folder that already holds Markdown files', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'assent-history-'))
    writeFileSync(path.join(folder, 'other.md'), '# Other\n')
    expect(() => extractPolicyHistory({ repository, file: 'policies/terms.md', folder })).toThrow(/already holds Markdown files/)
  })

  it('says so, exit 2, for a file with no history', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'assent-history-'))
    const run = spawnSync(process.execPath, [SCRIPT, repository, 'policies/privacy.md', folder], { encoding: 'utf8' })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('policies/privacy.md has no history in')
  })

  it('prints what it wrote and how to import it', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'assent-history-'))
    const run = spawnSync(process.execPath, [SCRIPT, repository, 'policies/terms.md', folder], { encoding: 'utf8' })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(`3 revisions written to ${folder} (5 commits changed policies/terms.md; 2 left its text as it was).`)
    expect(run.stdout).toContain(`npx assent import <slug> ${folder}`)
  })
})
