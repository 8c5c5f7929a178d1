import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseRevisionFile } from '../src/domain/parseRevisionFile'
import { redline, sideOf } from '../src/domain/redline'
import { findVersion } from '../src/services/findVersion'
import { importHistory } from '../src/services/importHistory'
import { generateHistory } from './support/generateHistory'
import { startTestApp, type TestApp } from './support/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app?.close())

const REVISIONS = 40

describe('importing a long policy history', () => {
  const history = generateHistory(REVISIONS).map((r) => parseRevisionFile(r.name, r.markdown))

  it('publishes every revision, oldest first, with its recorded effective date', async () => {
    expect(Math.min(...history.map((r) => r.markdown.length))).toBeGreaterThan(50_000)
    const result = await importHistory(app.payload, 'long-history', [...history].reverse())
    expect(result.imported.map((r) => r.version)).toEqual(Array.from({ length: REVISIONS }, (_, i) => i + 1))
    const v40 = await findVersion(app.payload, 'long-history', REVISIONS)
    expect(v40.version.effectiveAt).toBe(history[REVISIONS - 1].effectiveAt.toISOString())
  }, 300_000)

  it('imports nothing twice when run again', async () => {
    const result = await importHistory(app.payload, 'long-history', history)
    expect(result.imported).toEqual([])
    expect(result.skipped).toHaveLength(REVISIONS)
  }, 300_000)

  it('renders every consecutive redline so each side reads exactly as its version', async () => {
    for (let n = 1; n < REVISIONS; n++) {
      const res = await fetch(`${app.baseUrl}/api/v1/policies/long-history/diff?from=${n}&to=${n + 1}`)
      const diff = (await res.json()) as { blocks: Parameters<typeof sideOf>[0]['blocks']; changes: number }
      const [from, to] = await Promise.all([findVersion(app.payload, 'long-history', n), findVersion(app.payload, 'long-history', n + 1)])
      expect(sideOf({ blocks: diff.blocks, changeStarts: [] }, 'from')).toBe(from.version.text)
      expect(sideOf({ blocks: diff.blocks, changeStarts: [] }, 'to')).toBe(to.version.text)
      const page = await fetch(`${app.baseUrl}/legal/long-history/compare/${n}/${n + 1}`)
      expect(page.status).toBe(200)
    }
  }, 300_000)

  it('compares revisions far apart correctly too', async () => {
    const [first, last] = await Promise.all([findVersion(app.payload, 'long-history', 1), findVersion(app.payload, 'long-history', REVISIONS)])
    const result = redline(first.version.text!, last.version.text!)
    expect(sideOf(result, 'from')).toBe(first.version.text)
    expect(sideOf(result, 'to')).toBe(last.version.text)
    expect(result.changeStarts.length).toBeGreaterThan(20)
  })
})

describe('npx assent import', () => {
  it('imports a folder once, then reports everything already present', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'assent-import-'))
    writeFileSync(path.join(folder, '2019-05-01-terms.md'), '# Terms\n\nFirst terms.\n')
    writeFileSync(path.join(folder, '2020-06-01-terms.md'), '# Terms\n\nSecond terms.\n')
    writeFileSync(path.join(folder, 'later.md'), '---\neffective: 2021-07-01\nchangeClass: material\nsummary: Adds a clause.\n---\n# Terms\n\nThird terms.\n')
    const env = { ...process.env, DATABASE_URL: `file:${folder}/assent.db`, ASSENT_DATA_DIR: folder }
    const run = () => spawnSync(process.execPath, ['scripts/assent.js', 'import', 'terms', folder], { env, encoding: 'utf8' })
    const first = run()
    expect(first.status, first.stderr).toBe(0)
    expect(first.stdout).toContain('3 imported, 0 already present')
    const second = run()
    expect(second.stdout).toContain('0 imported, 3 already present')
  }, 120_000)

  it('refuses a folder with an undated file, naming it, before touching the database', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'assent-import-'))
    writeFileSync(path.join(folder, 'terms.md'), '# Terms\n')
    const result = spawnSync(process.execPath, ['scripts/assent.js', 'import', 'terms', folder], { env: { ...process.env, DATABASE_URL: `file:${folder}/assent.db` }, encoding: 'utf8' })
    expect(result.status).toBe(2)
    expect(result.stderr.trim()).toBe('assent: terms.md: no effective date; name the file 2020-02-10-….md or add front matter "effective: 2020-02-10".')
  })
})
