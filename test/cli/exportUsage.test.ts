import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

const exportCli = (...args: string[]) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'assent-export-usage-'))
  return spawnSync(process.execPath, ['scripts/assent.js', 'export', ...args], { cwd: process.cwd(), env: { ...process.env, DATABASE_URL: `file:${dir}/none.db`, ASSENT_DATA_DIR: dir }, encoding: 'utf8' })
}

describe('npx assent export, used wrongly', () => {
  it('names an unknown flag once, exit code 2', () => {
    const run = exportCli('--fromm', '2020-01-01')
    expect(run.status).toBe(2)
    const [first] = run.stderr.split('\n')
    expect(first).toBe('assent: unknown flag --fromm')
    expect(run.stderr.match(/fromm/g)).toHaveLength(1)
  })

  it('refuses an output file in a folder that does not exist before exporting anything, in one line naming it', () => {
    const run = exportCli('--out', 'missing/dir/x.csv')
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).toBe('assent: --out missing/dir/x.csv: the folder missing/dir does not exist; create it first.')
    expect(run.stderr).not.toMatch(/%|ENOENT/)
  })

  it('names a flag given without its value', () => {
    const run = exportCli('--policy')
    expect(run.status).toBe(2)
    expect(run.stderr.split('\n')[0]).toBe('assent: --policy needs a value')
  })
})
