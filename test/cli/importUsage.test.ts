import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

const dir = mkdtempSync(path.join(tmpdir(), 'assent-import-usage-'))
const importCli = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/assent.js', 'import', 'privacy', ...args], { env: { ...process.env, DATABASE_URL: `file:${dir}/none.db`, ASSENT_DATA_DIR: dir }, encoding: 'utf8' })

describe('npx assent import, given a folder it cannot read', () => {
  it('says a missing folder does not exist, in one line naming it, exit code 2', () => {
    const missing = path.join(dir, 'history')
    const run = importCli(missing)
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).toBe(`assent: ${missing} does not exist: give the folder of dated .md files to import.`)
  })

  it('refuses a broken YAML front matter or an impossible date in one line naming the file', () => {
    const folder = mkdtempSync(path.join(dir, 'files-'))
    writeFileSync(path.join(folder, '2020-13-45-x.md'), '# Privacy\n')
    const run = importCli(folder)
    expect(run.status).toBe(2)
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^assent: 2020-13-45-x\.md: invalid date 2020-13-45/)])
  })
})
