import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import express from 'express'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { changeNoticeContext } from '../../src/mail/changeNoticeContext'
import { renderChangeNotice } from '../../src/mail/renderChangeNotice'
import { createApiKey } from '../../src/services/apiKeys'
import { upsertSubjects } from '../../src/services/upsertSubjects'
import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { makePolicy, makeVersion } from '../support/fixtures'
import { startTestApp, type TestApp } from '../support/testApp'
import { recordFigure } from './figures'

if (browserUnavailable) console.log(`XSS browser tests skipped: ${browserUnavailable}.`)

/** Script payloads; each one that runs calls `__xss(n)` or asks for http://xss.invalid/n. */
const payloads = (n: number): string[] => [
  `<script>__xss(${n})</script>`,
  `<img src=x onerror=__xss(${n + 1})>`,
  `<svg onload=__xss(${n + 2})>`,
  `<svg><script>__xss(${n + 3})</script></svg>`,
  `"><script>__xss(${n + 4})</script>`,
  `'><img src=x onerror=__xss(${n + 5})>`,
  `</textarea><script>__xss(${n + 6})</script>`,
  `</title><script>__xss(${n + 7})</script>`,
  `<iframe srcdoc="<script>parent.__xss(${n + 8})</script>"></iframe>`,
  `<iframe src="javascript:parent.__xss(${n + 9})"></iframe>`,
  `<a href="javascript:__xss(${n + 10})" id="x${n + 10}">click</a>`,
  `[link](javascript:__xss(${n + 11}))`,
  `[link](JaVaScRiPt:__xss(${n + 12}))`,
  `[link](data:text/html,<script>__xss(${n + 13})</script>)`,
  `![img](x" onerror="__xss(${n + 14}))`,
  `<math><mtext><table><mglyph><style><img src=x onerror=__xss(${n + 15})>`,
  `<noscript><p title="</noscript><img src=x onerror=__xss(${n + 16})>">`,
  `<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=__xss(${n + 17})>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='__xss(${n + 18})'/></svg>#x"/></svg>`,
  `<base href="http://xss.invalid/${n + 19}/">`,
  `<meta http-equiv="refresh" content="0;url=javascript:__xss(${n + 20})">`,
  `<link rel="stylesheet" href="http://xss.invalid/${n + 21}.css">`,
  `<img src="http://xss.invalid/${n + 22}.png">`,
  `<object data="javascript:__xss(${n + 23})"></object>`,
  `<embed src="javascript:__xss(${n + 24})">`,
  `<details open ontoggle=__xss(${n + 25})>`,
  `<video><source onerror=__xss(${n + 26})></video>`,
  `<body onload=__xss(${n + 27})>`,
  `<input autofocus onfocus=__xss(${n + 28})>`,
  `<div style="background:url(javascript:__xss(${n + 29}))">x</div>`,
  `{{constructor.constructor('__xss(${n + 30})')()}}`,
  `\u003cscript\u003e__xss(${n + 31})\u003c/script\u003e`,
  `&lt;script&gt;__xss(${n + 32})&lt;/script&gt;`,
  `<scr<script>ipt>__xss(${n + 33})</script>`,
  `<a href="&#106;avascript:__xss(${n + 34})">entity</a>`,
]
const CORPUS = payloads(0).length

describe.skipIf(browserUnavailable)('an XSS corpus in every text Assent renders, in Chromium', () => {
  let assent: TestApp
  let browser: Browser
  let host: Server
  let hostUrl: string
  let slug: string
  const executed: number[] = []
  const requested: string[] = []
  const violations: string[] = []
  let pages = 0
  let withoutCsp: string[] = []
  let dangerousNodes = 0

  beforeAll(async () => {
    assent = await startTestApp()
    const corpus = payloads(100)
    // Titles and summaries carry the corpus; bodies carry it as Markdown, raw HTML lines included.
    const policy = await makePolicy(assent.payload, { title: `Terms ${payloads(200)[1]} ${payloads(200)[0]}`, acceptanceMode: 'clickwrap' })
    slug = policy.slug
    await makeVersion(assent.payload, policy.id, { _status: 'published', summary: corpus.slice(0, 12).join(' ') }, `# Terms\n\n${corpus.join('\n\n')}`)
    await makeVersion(assent.payload, policy.id, { _status: 'published', changeClass: 'informational', summary: payloads(300).join(' ') }, `# Terms\n\n${payloads(300).join('\n\n')}\n\n${corpus.slice(10).join('\n\n')}`)
    await upsertSubjects(assent.payload, [{ externalId: 'xss-subject', email: 'xss@example.com', name: payloads(400).slice(0, 8).join(' ') }])
    const key = (await createApiKey(assent.payload, 'xss host', 'integration')).key
    // A host product page without a CSP of its own: the banner must be safe without one.
    const demo = express()
    demo.get('/', async (_req, res) => {
      const { token } = (await (await fetch(`${assent.baseUrl}/api/v1/subjects/xss-subject/token`, { method: 'POST', headers: { authorization: `Bearer ${key}` } })).json()) as { token: string }
      res.send(`<!doctype html><html><body><h1>Host</h1><script src="${assent.baseUrl}/embed/banner.js" data-token="${token}"></script></body></html>`)
    })
    host = await new Promise((resolve) => {
      const s = demo.listen(0, '127.0.0.1', () => resolve(s))
    })
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => host?.close(resolve))
    await assent?.close()
  })

  /** A page that reports payloads that run, requests to the marker host and CSP violations. */
  async function watchedPage(): Promise<Page> {
    const page = await browser.newPage()
    await page.exposeFunction('__xssReport', (n: number) => executed.push(n))
    await page.addInitScript(() => {
      const w = window as unknown as { __xss: (n: number) => void; __xssReport: (n: number) => void }
      w.__xss = (n) => w.__xssReport(n)
      document.addEventListener('securitypolicyviolation', (e) => console.log(`csp-violation ${e.violatedDirective} ${e.blockedURI}`))
    })
    page.on('console', (m) => {
      if (m.text().startsWith('csp-violation')) violations.push(m.text())
    })
    await page.route(/xss\.invalid/, (route) => {
      requested.push(route.request().url())
      return route.abort()
    })
    page.on('dialog', (d) => {
      executed.push(-1)
      return d.dismiss()
    })
    return page
  }

  /** Elements that could run script if they survived: scripts (but the banner's), handlers, script URLs. */
  const countDangerous = (page: Page) =>
    page.evaluate(() => {
      // The banner renders in a shadow root: walk into every one.
      const within = (root: Document | ShadowRoot): Element[] => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? within(el.shadowRoot) : [])])
      const all = within(document)
      return all.filter((el) => {
        if (el.tagName === 'SCRIPT') return !(el as HTMLScriptElement).src.endsWith('/embed/banner.js')
        if (['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META'].includes(el.tagName) && el.closest('body')) return true
        return [...el.attributes].some((a) => a.name.startsWith('on') || /^\s*(javascript|data):/i.test(a.value.replace(/[\u0000-\u0020]/g, '')) && ['href', 'src', 'action', 'data', 'formaction'].includes(a.name))
      }).length
    })

  async function visit(page: Page, url: string, requireCsp = true) {
    const response = await page.goto(url, { waitUntil: 'load' })
    pages++
    if (requireCsp && !response?.headers()['content-security-policy']) withoutCsp.push(url)
    await page.waitForTimeout(150)
    dangerousNodes += await countDangerous(page)
  }

  it(`runs none of the ${CORPUS} payloads on the Legal Center, the redline, the feed, the banner and the notice email`, async () => {
    const page = await watchedPage()
    for (const path of ['/legal', `/legal/${slug}`, `/legal/${slug}/versions`, `/legal/${slug}/versions/1`, `/legal/${slug}/versions/2`, `/legal/${slug}/compare/1/2`]) {
      await visit(page, `${assent.baseUrl}${path}`)
    }
    await page.screenshot({ path: screenshotPath('reliability-xss-compare'), fullPage: false })
    // The feed is XML read by feed readers; opened in a browser it must not run either.
    const feed = await page.goto(`${assent.baseUrl}/legal/${slug}/feed.atom`)
    pages++
    expect(feed?.status()).toBe(200)
    await page.waitForTimeout(150)

    // The banner on the host page: the subject owes version 2 (titles, summaries in it).
    await visit(page, hostUrl, false)
    await page.locator('#assent-banner section.banner').waitFor()
    expect(await page.locator('#assent-banner section.banner').innerText()).toContain('__xss(')
    await page.screenshot({ path: screenshotPath('reliability-xss-banner') })

    // The change notice email for a subject whose name carries payloads, as a mail client shows it.
    const subject = (await assent.payload.find({ collection: 'subjects', where: { externalId: { equals: 'xss-subject' } } })).docs[0]
    const mail = renderChangeNotice(changeNoticeContext({ policySlug: slug, policyTitle: `Terms ${payloads(500).join(' ')}`, acceptanceMode: 'clickwrap', version: 2, changeClass: 'material', summary: payloads(600).join(' '), effectiveAt: new Date() }, { name: subject.name, locale: null }, assent.baseUrl, 'Example'))
    await page.setContent(mail.html, { waitUntil: 'load' })
    pages++
    await page.waitForTimeout(150)
    dangerousNodes += await countDangerous(page)
    await page.close()

    recordFigure('XSS', 'payloads in the corpus', CORPUS)
    recordFigure('XSS', 'payload copies placed (titles, summaries, bodies, subject names, email)', CORPUS * 9 + 8)
    recordFigure('XSS', 'pages rendered in Chromium', pages)
    recordFigure('XSS', 'payloads that ran', executed.length, 0)
    recordFigure('XSS', 'requests to the attacker host', requested.length, 0)
    recordFigure('XSS', 'script-capable elements left in the DOM', dangerousNodes, 0)
    recordFigure('XSS', 'CSP violations reported by the browser', violations.length)
    recordFigure('XSS', 'Legal Center pages without a CSP', withoutCsp.length, 0)
    console.log(`XSS: ${pages} pages, ${executed.length} ran, ${requested.length} marker requests, ${dangerousNodes} dangerous nodes, ${violations.length} CSP violations: ${violations.slice(0, 5).join('; ')}`)
    expect(executed).toEqual([])
    expect(requested).toEqual([])
    expect(dangerousNodes).toBe(0)
    expect(withoutCsp).toEqual([])
  }, 120_000)
})
