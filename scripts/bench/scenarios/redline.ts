import { spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

import { pagesRedline } from '../../../src/domain/documentRedline'
import { redline as lineRedline } from '../../../src/domain/redline'
import { renderHtml } from '../../../src/domain/renderHtml'
import { markdownToBody } from '../../../src/services/publishing/lexicalMarkdown'
import { alternateRounds } from '../alternateRounds'
import { ratioOf } from '../benchReport'
import { startAssentServer, startBarePageServer } from '../benchServer'
import { loadTest } from '../loadTest'
import { median } from '../median'
import type { RedlineTiming } from '../redlineTimer'
import { revisionTexts } from '../revisionTexts'
import type { BenchContext, ScenarioResult } from '../scenario'

/** Rounds of redline and git runs, alternated: on a shared machine, a sequential pair is noise. */
const ROUNDS = 7
const RUNS_PER_ROUND = 5
const WARM_UP_ROUNDS = 3
const PAGE_ROUNDS = 5
const root = path.resolve(import.meta.dirname, '../../..')

function timeMs(run: () => void): number {
  return median(Array.from({ length: RUNS_PER_ROUND }, () => {
    const t = performance.now()
    run()
    return performance.now() - t
  }))
}

/** git's median time, each run started by a small shell rather than by this process: forking a
 * process that holds the data set would add its own cost to git's. */
function gitWordDiffMs(a: string, b: string): number {
  const script = `for i in $(seq ${RUNS_PER_ROUND + 1}); do s=$EPOCHREALTIME; git diff --no-index --word-diff --no-color "$1" "$2" > /dev/null; e=$EPOCHREALTIME; echo "$s $e"; done`
  const result = spawnSync('bash', ['-c', script, 'git-diff', a, b], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } })
  if (result.status !== 0) throw new Error(`git diff could not run: ${result.stderr}`)
  const times = result.stdout.trim().split('\n').slice(1).map((line) => {
    const [start, end] = line.split(' ').map(Number)
    return (end - start) * 1000
  })
  return median(times)
}

/** The median of `RUNS_PER_ROUND` redlines of two pages, timed on `thread`. */
async function threadMs(thread: Worker, from: string, to: string): Promise<number> {
  const answer = once(thread, 'message')
  thread.postMessage({ from, to, runs: RUNS_PER_ROUND } satisfies RedlineTiming)
  const [ms] = (await answer) as [number]
  return ms
}

/** Assent's and git's times for one pair in alternated rounds: the median of each round's ratio,
 * the range of those ratios, and the median times. */
async function alternated(redline: () => Promise<number>, git: () => number) {
  for (let i = 0; i < WARM_UP_ROUNDS; i++) await redline() // a thread warmed by a few compares, as a serving one is
  const { rounds, ratio, range } = await alternateRounds(ROUNDS, { scenario: redline, baseline: git, ratio: ratioOf })
  return { ms: median(rounds.map((r) => r.scenario)), gitMs: median(rounds.map((r) => r.baseline)), ratio, range }
}

/**
 * 6. The redline of two ~60 KB Markdown revisions as the compare page computes it (the two
 * versions' pages, their HTML frozen at publication, compared, on a worker thread as the server
 * does; the same in this process, beside it), neighbouring (a handful of
 * changes) and far apart (hundreds), against `git diff --no-index --word-diff` on the Markdown
 * files (its process start included, as a user would run it): 7 rounds alternating 5 redlines and
 * 5 git runs, the median of the rounds' ratios and their range. Rendering the Markdown (done once,
 * at publication) is reported beside it. Then the compare page of the far pair as the Legal Center
 * serves it once cached, one connection, against express answering the same bytes from memory,
 * in 5 alternated rounds. Target: ≤ 2× git's time (the page's ratio is reported).
 */
export async function redline(ctx: BenchContext): Promise<ScenarioResult> {
  const texts = revisionTexts(root)
  const files = Object.fromEntries(Object.entries(texts).map(([name, text]) => {
    const file = path.join(ctx.dataDir, `${name}.md`)
    writeFileSync(file, text)
    return [name, file]
  })) as Record<keyof typeof texts, string>

  // The compare page's redline: the two versions' frozen pages compared.
  const pages = { base: renderHtml(texts.base), near: renderHtml(texts.near), far: renderHtml(texts.far) }
  const thread = new Worker(new URL('../redlineTimerThread.mjs', import.meta.url))
  let near
  let far
  try {
    near = await alternated(() => threadMs(thread, pages.base, pages.near), () => gitWordDiffMs(files.base, files.near))
    far = await alternated(() => threadMs(thread, pages.base, pages.far), () => gitWordDiffMs(files.base, files.far))
  } finally {
    await thread.terminate()
  }
  // The same redline in this process, which holds the benchmark's data set and server state.
  pagesRedline(pages.base, pages.far)
  const inProcessFarMs = timeMs(() => pagesRedline(pages.base, pages.far))
  // The JSON API's, line by line; and the rendering publication does once.
  const linesFarMs = timeMs(() => lineRedline(texts.base, texts.far))
  const renderMs = timeMs(() => renderHtml(texts.far))

  const policy = await ctx.payload.create({ collection: 'policies', data: { title: 'Cookie Policy', slug: 'cookies', acceptanceMode: 'continued-use', noticePeriodDays: 30 } })
  for (const [n, text] of [texts.base, texts.near, texts.far].entries()) {
    await ctx.payload.create({
      collection: 'policy-versions',
      data: { policy: policy.id, changeClass: 'material', summary: `Revision ${n + 1}.`, effectiveAt: new Date(Date.UTC(2021, n, 1)).toISOString(), body: (await markdownToBody(ctx.payload.config, text)) as never, _status: 'published' },
      context: { assentImport: true },
    })
  }
  // The cached compare page beside express answering the same bytes from memory: one connection,
  // alternated rounds.
  const server = await startAssentServer(ctx.databaseUrl, ctx.dataDir)
  const path3 = '/legal/cookies/compare/1/3'
  let firstMs
  let served
  let pageBytes
  try {
    const t = performance.now()
    const first = await fetch(server.url + path3)
    const html = Buffer.from(await first.arrayBuffer())
    firstMs = performance.now() - t
    if (!first.ok) throw new Error(`the compare page answered ${first.status}`)
    const file = path.join(ctx.dataDir, 'compare-page.html')
    writeFileSync(file, html)
    const bare = await startBarePageServer(file)
    try {
      served = await alternatedLoad(server.url + path3, bare.url + path3)
    } finally {
      await bare.stop()
    }
    pageBytes = html.length
  } finally {
    await server.stop()
  }

  return {
    id: 'redline',
    title: '6. Redline of ~60 KB revisions, far apart',
    scenario: { value: +far.ms.toFixed(2), unit: 'ms' },
    baseline: { value: +far.gitMs.toFixed(2), unit: 'ms' },
    ratio: far.ratio,
    target: '≤ 2 (both pairs); cached page ratio reported',
    met: far.ratio <= 2 && near.ratio <= 2 && served.non2xx === 0,
    details: {
      'far ratio range': far.range, 'far ms in the benchmark process': +inProcessFarMs.toFixed(2), 'line-by-line far ms': +linesFarMs.toFixed(2), 'Markdown rendering at publication ms': +renderMs.toFixed(2),
      'neighbouring ms': +near.ms.toFixed(2), 'git neighbouring ms': +near.gitMs.toFixed(2), 'neighbouring ratio': near.ratio, 'neighbouring ratio range': near.range,
      'text bytes': texts.base.length, 'cached page req/s': served.requestsPerSecond, 'bare page req/s': served.bareRequestsPerSecond,
      'cached page ratio': served.ratio, 'cached page ratio range': served.range, 'cached page mean ms': served.meanMs, 'page bytes': pageBytes, 'first page ms': +firstMs.toFixed(1),
    },
  }
}

/** The cached page and its bare baseline, one connection each in turn, in rounds of 2 s. */
async function alternatedLoad(url: string, bareUrl: string) {
  await loadTest({ url, connections: 1, seconds: 1 }) // warm-up
  await loadTest({ url: bareUrl, connections: 1, seconds: 1 })
  const { rounds, ratio, range } = await alternateRounds(PAGE_ROUNDS, {
    scenario: () => loadTest({ url, connections: 1, seconds: 2 }),
    baseline: () => loadTest({ url: bareUrl, connections: 1, seconds: 2 }),
    ratio: (page, bare) => ratioOf(page.requestsPerSecond, bare.requestsPerSecond),
  })
  return {
    ratio,
    range,
    requestsPerSecond: median(rounds.map((r) => r.scenario.requestsPerSecond)),
    bareRequestsPerSecond: median(rounds.map((r) => r.baseline.requestsPerSecond)),
    meanMs: median(rounds.map((r) => r.scenario.meanMs)),
    non2xx: rounds.reduce((sum, r) => sum + r.scenario.non2xx + r.baseline.non2xx, 0),
  }
}
