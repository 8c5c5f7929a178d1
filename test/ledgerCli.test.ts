import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

describe('npx assent ledger:checkpoint, ledger:export and ledger:verify', () => {
  it('signs, exports and verifies a ledger, and names the entry an edit broke', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assent-ledger-cli-'))
    const env = { ...process.env, DATABASE_URL: `file:${dir}/assent.db`, ASSENT_DATA_DIR: dir, ASSENT_ADMIN_PASSWORD: 'long-enough-password' }
    const assent = (...args: string[]) => spawnSync(process.execPath, ['scripts/assent.js', ...args], { env, encoding: 'utf8' })
    expect(assent('seed').status).toBe(0)
    const key = assent('apikey:create', '--scope', 'integration', '--name', 'cli test')
    expect(key.status, key.stderr).toBe(0)

    // The seed publishes three versions and two French translations: each is an entry.
    const checkpoint = assent('ledger:checkpoint')
    expect(checkpoint.stdout).toMatch(/^Signed checkpoint: 5 entries, root [0-9a-f]{8}/)
    const bundle = path.join(dir, 'bundle')
    expect(assent('ledger:export', bundle).status).toBe(0)
    const verified = assent('ledger:verify', bundle)
    expect(verified.status, verified.stderr).toBe(0)
    // One verdict, on the last line, in the singular for one checkpoint.
    expect(verified.stdout.trim().split('\n').at(-1)).toMatch(/^Ledger verified: 5 entries, 1 checkpoint, /)
    expect(verified.stdout.match(/Ledger verified/g)).toHaveLength(1)
    expect(assent('ledger:verify').status).toBe(0)

    // A forged entry appended to the export: no signed root covers it, and it claims to be entry 1 again.
    writeFileSync(path.join(bundle, 'entries.jsonl'), `${readFileSync(path.join(bundle, 'entries.jsonl'), 'utf8')}${JSON.stringify({ seq: 1, body: '{"seq":2}', leafHash: '00'.repeat(32) })}\n`)
    const broken = assent('ledger:verify', bundle)
    expect(broken.status).toBe(1)
    expect(broken.stderr).toMatch(/Ledger verification FAILED \(first bad entry: 2\)/)
  }, 120_000)

  it('says in one line, exit code 2, that a folder is missing, empty or a file, naming it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assent-ledger-cli-'))
    const file = path.join(dir, 'entries.jsonl')
    writeFileSync(file, '')
    mkdirSync(path.join(dir, 'empty'))
    const cases: Array<[string, RegExp]> = [
      [path.join(dir, 'missing'), /does not exist/],
      [path.join(dir, 'empty'), /is empty/],
      [file, /is a file, not a folder/],
    ]
    for (const [target, says] of cases) {
      const result = spawnSync(process.execPath, ['scripts/assent.js', 'ledger:verify', target], { encoding: 'utf8' })
      expect(result.status, result.stderr).toBe(2)
      const lines = result.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(says)
      expect(lines[0]).toContain(target)
      expect(result.stderr).not.toMatch(/ENOENT|ENOTDIR|\n\s+at /)
    }
  })

  it('names a bundle file that is missing as a failed verification, exit code 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assent-ledger-cli-'))
    writeFileSync(path.join(dir, 'entries.jsonl'), '')
    const result = spawnSync(process.execPath, ['scripts/assent.js', 'ledger:verify', dir], { encoding: 'utf8' })
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe(`Ledger verification FAILED: checkpoints.json is missing from ${dir}.`)
  })
})
