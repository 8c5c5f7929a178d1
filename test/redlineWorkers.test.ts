import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { afterAll, describe, expect, it } from 'vitest'

import { nodeFlags } from '../scripts/nodeFlags.js'
import { RedlineWorkers } from '../src/services/redline/redlineWorkers'
import { computeRedline, renderRedline, type RedlineView } from '../src/services/redline/renderRedline'

const workers = new RedlineWorkers({ threads: 1 })
afterAll(() => workers.close())

const from = '# Terms\n\nWe keep logs for 12 months.\n\nContact us.'
const to = '# Terms\n\nWe keep logs for 13 months.\n\nWrite to us.'

/** Two texts whose redline takes a while: long paragraphs, every word changed. */
function farApart(words: number): [string, string] {
  const text = (step: number) => Array.from({ length: 20 }, (_, p) => Array.from({ length: words }, (_, w) => `w${(w * step + p) % 97}`).join(' ')).join('\n\n')
  return [text(7), text(11)]
}

describe('redline worker threads', () => {
  it('render each view exactly as the calling thread would', async () => {
    for (const view of ['inline', 'side', 'diff'] as RedlineView[]) {
      expect(await workers.render(from, to, view)).toEqual(renderRedline(computeRedline({ text: from }, { text: to }, view), view))
    }
  })

  it('compare the HTML a frozen version shows, not its text rendered again, in the pages\' views', async () => {
    const frozen = { text: from, html: '<p>As frozen: we keep logs for 12 months.</p>' }
    const later = { text: to, html: '<p>As frozen: we keep logs for 13 months.</p>' }
    const page = Buffer.from((await workers.render(frozen, later, 'inline')).body).toString()
    expect(page).toContain('As frozen: we keep logs for')
    expect(page).not.toContain('Contact us')
    expect(page).toContain('<del> 12</del><ins> 13</ins>')
    // The same texts with other pages are another pair, never the cached one.
    expect(Buffer.from((await workers.render(from, to, 'inline')).body).toString()).toContain('<h1 id="terms">Terms</h1>')
    // The JSON blocks compare the texts.
    expect(Buffer.from((await workers.render(frozen, later, 'diff')).body).toString()).toContain('Contact')
  })

  it('share one computation between concurrent identical requests, and keep the result', async () => {
    const [a, b] = [workers.render(from, `${to}\n\nShared.`, 'inline'), workers.render(from, `${to}\n\nShared.`, 'inline')]
    expect(a).toBe(b)
    expect(await workers.render(from, `${to}\n\nShared.`, 'inline')).toBe(await a)
  })

  it('answer the coarse redline when one takes past the bound, and go on working', async () => {
    const hasty = new RedlineWorkers({ threads: 1, timeoutMs: 1 })
    try {
      const [a, b] = farApart(2000)
      const rendered = await hasty.render(a, b, 'inline')
      expect(rendered.coarse).toBe(true)
      expect(rendered.changes).toBe(1)
      // Its thread was replaced: the next one is answered too.
      expect((await hasty.render(b, a, 'side')).coarse).toBe(true)
    } finally {
      await hasty.close()
    }
  })

  it('start under the flags `npm start` runs the server with', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assent-redline-'))
    const script = path.join(dir, 'render.mts')
    const pool = pathToFileURL(path.resolve('src/services/redline/redlineWorkers.ts')).href
    writeFileSync(script, `import { RedlineWorkers } from '${pool}'
const workers = new RedlineWorkers({ threads: 1 })
const { changes } = await workers.render('a\\nb', 'a\\nc', 'side')
console.log(JSON.stringify({ changes }))
await workers.close()
`)
    try {
      const run = spawnSync(process.execPath, [...nodeFlags, script], { encoding: 'utf8', timeout: 60_000 })
      expect(run.stderr).toBe('')
      expect(JSON.parse(run.stdout)).toEqual({ changes: 1 })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
