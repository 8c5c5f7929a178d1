import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { tarArchive } from '../../src/domain/tarArchive'

describe('tarArchive', () => {
  it('writes an archive that tar extracts byte for byte', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assent-tar-'))
    const binary = Buffer.from([0, 1, 2, 255, 254])
    writeFileSync(path.join(dir, 'pack.tar'), tarArchive([
      { path: 'evidence.json', content: '{"ok":true}\n' },
      { path: 'versions/abc.md', content: '# Privacy\n\nÜber 512 bytes? '.repeat(40) },
      { path: 'blob.bin', content: binary },
    ]))
    const out = spawnSync('tar', ['xf', 'pack.tar'], { cwd: dir, encoding: 'utf8' })
    expect(out.status, out.stderr).toBe(0)
    expect(readFileSync(path.join(dir, 'evidence.json'), 'utf8')).toBe('{"ok":true}\n')
    expect(readFileSync(path.join(dir, 'versions/abc.md'), 'utf8')).toBe('# Privacy\n\nÜber 512 bytes? '.repeat(40))
    expect(readFileSync(path.join(dir, 'blob.bin'))).toEqual(binary)
  })

  it('refuses a path tar could not hold', () => {
    expect(() => tarArchive([{ path: 'x'.repeat(101), content: '' }])).toThrow(/too long/)
  })
})
