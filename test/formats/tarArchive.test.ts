import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { tarArchive } from '../../src/formats/tarArchive'

/** Writes `archive` to a fresh folder and extracts it there with the system's tar. */
function extract(archive: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'assent-tar-'))
  writeFileSync(path.join(dir, 'pack.tar'), archive)
  const out = spawnSync('tar', ['xf', 'pack.tar'], { cwd: dir, encoding: 'utf8' })
  expect(out.status, out.stderr).toBe(0)
  return dir
}

describe('tarArchive', () => {
  it('writes an archive that tar extracts byte for byte', async () => {
    const binary = Buffer.from([0, 1, 2, 255, 254])
    const dir = extract(await tarArchive([
      { path: 'evidence.json', content: '{"ok":true}\n' },
      { path: 'versions/abc.md', content: '# Privacy\n\nÜber 512 bytes? '.repeat(40) },
      { path: 'blob.bin', content: binary },
    ]))
    expect(readFileSync(path.join(dir, 'evidence.json'), 'utf8')).toBe('{"ok":true}\n')
    expect(readFileSync(path.join(dir, 'versions/abc.md'), 'utf8')).toBe('# Privacy\n\nÜber 512 bytes? '.repeat(40))
    expect(readFileSync(path.join(dir, 'blob.bin'))).toEqual(binary)
  })

  it('keeps paths longer than the 100 bytes a tar name holds, a 120-byte file name included', async () => {
    const mongoPack = `evidence-${'a'.repeat(24)}/versions/${'f'.repeat(64)}.md`
    const longName = `evidence-7/redlines/${'p'.repeat(120)}-1-2.html`
    const deep = `${'folder/'.repeat(40)}last.txt`
    expect(Buffer.byteLength(mongoPack)).toBeGreaterThan(100)
    const dir = extract(await tarArchive([
      { path: mongoPack, content: 'text' },
      { path: longName, content: 'redline' },
      { path: deep, content: 'deep' },
    ]))
    expect(readFileSync(path.join(dir, mongoPack), 'utf8')).toBe('text')
    expect(readFileSync(path.join(dir, longName), 'utf8')).toBe('redline')
    expect(readFileSync(path.join(dir, deep), 'utf8')).toBe('deep')
  })
})
