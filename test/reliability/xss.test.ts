import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import express from 'express'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { changeNoticeContext } from '../../src/mail/changeNoticeContext'
import { renderChangeNotice } from '../../src/render/renderChangeNotice'
import { buildEvidencePack } from '../../src/services/audit/buildEvidencePack'
import { issueBannerToken } from '../../src/services/subjects/subjectTokens'
import { upsertSubjects } from '../../src/services/subjects/upsertSubjects'
import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { makePolicy, makeVersion } from '../support/fixtures'
import { startTestApp, type TestApp } from '../support/testApp'
import { recordFigure } from './figures'

if (browserUnavailable) console.log(`XSS browser tests skipped: ${browserUnavailable}.`)

/** The corpus; `§` becomes the payload's number. A payload that runs calls `xssHit(n)` or asks
 * for http://xss.invalid/n, so a failure names the payload and where it was placed. */
const TEMPLATES = [
  '<script>xssHit(§)</script>',
  '<img src=x onerror=xssHit(§)>',
  '<svg onload=xssHit(§)>',
  '<svg><script>xssHit(§)</script></svg>',
  '"><script>xssHit(§)</script>',
  "'><img src=x onerror=xssHit(§)>",
  '</textarea><script>xssHit(§)</script>',
  '</title><script>xssHit(§)</script>',
  '</style></noscript><img src=x onerror=xssHit(§)>',
  '<iframe srcdoc="<script>parent.xssHit(§)</script>"></iframe>',
  '<iframe src="javascript:parent.xssHit(§)"></iframe>',
  '<a href="javascript:xssHit(§)">click</a>',
  '[link](javascript:xssHit(§))',
  '[link](JaVaScRiPt:xssHit(§))',
  '[link](java&#x09;script:xssHit(§))',
  '[link](data:text/html,<script>xssHit(§)</script>)',
  '![img](x" onerror="xssHit(§))',
  '<a href="data:text/html,<script>parent.xssHit(§)</script>">data</a>',
  '<a href="&#106;avascript:xssHit(§)">entity</a>',
  '<a href=" jav&#x0A;ascript:xssHit(§)">newline</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=xssHit(§)>',
  '<noscript><p title="</noscript><img src=x onerror=xssHit(§)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=xssHit(§)>',
  '<svg><use href="data:image/svg+xml,<svg id=\'x\' xmlns=\'http://www.w3.org/2000/svg\'><image href=\'x\' onerror=\'xssHit(§)\'/></svg>#x"/></svg>',
  '<svg><a xlink:href="javascript:xssHit(§)"><text y="20">svg link</text></a></svg>',
  '<svg><animate onbegin=xssHit(§) attributeName=x dur=1s>',
  '<base href="http://xss.invalid/§/">',
  '<meta http-equiv="refresh" content="0;url=javascript:xssHit(§)">',
  '<link rel="stylesheet" href="http://xss.invalid/§.css">',
  '<img src="http://xss.invalid/§.png">',
  "<style>@import 'http://xss.invalid/§.css';</style>",
  '<object data="javascript:xssHit(§)"></object>',
  '<embed src="javascript:xssHit(§)">',
  '<details open ontoggle=xssHit(§)>',
  '<video><source onerror=xssHit(§)></video>',
  '<body onload=xssHit(§)>',
  '<input autofocus onfocus=xssHit(§)>',
  '<form action="javascript:xssHit(§)"><button>go</button></form>',
  '<div style="background:url(javascript:xssHit(§))">styled</div>',
  "{{constructor.constructor('xssHit(§)')()}}",
  '${xssHit(§)}',
  '<img src=x onerror="&#120;ssHit(§)">',
  '<<script>script>xssHit(§)<</script>/script>',
  '<img src=x onerror=xssHit(§)//',
  '\u2028<script>xssHit(§)</script>\u2029',
  '＜script＞xssHit(§)＜/script＞',
  String.raw`\u003cimg src=x onerror=xssHit(§)\u003e`,
  '%3Cscript%3ExssHit(§)%3C%2Fscript%3E',
  '&lt;script&gt;xssHit(§)&lt;/script&gt;',
  ']]><x:script xmlns:x="http://www.w3.org/1999/xhtml">xssHit(§)</x:script>',
]
const payloads = (base: number) => TEMPLATES.map((t, i) => t.replaceAll('§', String(base + i)))
const CORPUS = TEMPLATES.length
const MARK = 'xssHit('

/** What the browser saw on watched pages. */
interface Tally {
  executed: number[]
  requested: string[]
  violations: string[]
}
const newTally = (): Tally => ({ executed: [], requested: [], violations: [] })

/** Reports payloads that run, requests to the marker host, dialogs and CSP violations into
 * `tally`. Init scripts and exposed functions are not subject to the page's CSP. */
async function watch(page: Page, tally: Tally): Promise<Page> {
  await page.exposeFunction('__xssReport', (n: number) => tally.executed.push(n))
  await page.exposeFunction('__cspReport', (v: string) => tally.violations.push(v))
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, (value: unknown) => void>
    w.xssHit = (n) => w.__xssReport(n)
    document.addEventListener('securitypolicyviolation', (e) => w.__cspReport(`${e.violatedDirective} ${e.blockedURI} on ${location.href}`))
  })
  await page.route(/xss\.invalid/, (route) => {
    tally.requested.push(route.request().url())
    return route.abort()
  })
  page.on('dialog', (dialog) => {
    tally.executed.push(-1)
    return dialog.dismiss()
  })
  return page
}

/** Elements that could run script or leak if they survived escaping: scripts (other than the
 * banner's own), frames, base and refresh, event handlers, script and data URLs. Walks into open
 * shadow roots, where the banner renders. */
const scriptCapable = (page: Page) =>
  page.evaluate(() => {
    const within = (root: Document | ShadowRoot): Element[] => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? within(el.shadowRoot) : [])])
    return within(document).filter((el) => {
      const name = el.localName.toLowerCase()
      if (name === 'script') return !(el as HTMLScriptElement).src?.endsWith('/embed/banner.js')
      if (['iframe', 'frame', 'object', 'embed', 'base'].includes(name)) return true
      if (name === 'meta' && el.hasAttribute('http-equiv')) return true
      return [...el.attributes].some((a) => a.name.startsWith('on') || a.name === 'srcdoc' || (['href', 'xlink:href', 'src', 'action', 'formaction', 'data'].includes(a.name) && /^(javascript|data|vbscript):/i.test(a.value.replace(/[\u0000-\u0020]/g, ''))))
    }).length
  })

describe.skipIf(browserUnavailable)('an XSS corpus in every text Assent renders, in Chromium', () => {
  const SUBJECT = `xss-"><img src=x onerror=xssHit(900)><script>xssHit(901)</script>`
  const USER_AGENT = `Mozilla/5.0 "><script>xssHit(902)</script><img src=x onerror=xssHit(903)>`
  let assent: TestApp
  let browser: Browser
  let host: Server
  let hostUrl: string
  let slug: string
  let upcomingId: number
  const tally = newTally()
  let pages = 0
  let dangerous = 0
  const withoutCsp: string[] = []
  const silent: string[] = []

  beforeAll(async () => {
    assent = await startTestApp()
    // Wording an admin types into the banner settings (plain text, at most 300 characters each).
    await assent.payload.updateGlobal({ slug: 'banner-template', data: { intro: payloads(700).slice(0, 4).join(' '), changesLinkLabel: payloads(710)[1], fullTextLabel: payloads(720)[4], consentLead: payloads(730)[39] } })
    const policy = await makePolicy(assent.payload, { title: `Terms ${payloads(200).slice(0, 8).join(' ')}`, noticePeriodDays: 0 })
    slug = policy.slug
    // Version 1 and 2 differ by whole payload lines, so the redline shows them inserted and deleted.
    await makeVersion(assent.payload, policy.id, { _status: 'published', summary: payloads(100).join(' ') }, `# Terms\n\n${payloads(100).join('\n\n')}`)
    await makeVersion(assent.payload, policy.id, { _status: 'published', changeClass: 'informational', summary: payloads(300).join(' ') }, `# Terms\n\n${payloads(300).join('\n\n')}\n\n${payloads(100).slice(10).join('\n\n')}`)
    // An upcoming version: its summary shows in the notice on the policy page and in the banner.
    const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString()
    upcomingId = (await makeVersion(assent.payload, policy.id, { _status: 'published', changeClass: 'informational', effectiveAt: inTenDays, summary: payloads(400).join(' ') }, `# Terms\n\n${payloads(400).join('\n\n')}`)).id as number
    await upsertSubjects(assent.payload, [{ externalId: SUBJECT, email: 'xss@example.com', name: payloads(500).slice(0, 10).join(' ') }])

    // The host product's pages. /strict allows nothing but Assent's script and calls to Assent:
    // the banner styles itself with a constructed style sheet, which is not inline style.
    const demo = express()
    const page = (body: string) => `<!doctype html><html><head><title>Host</title></head><body><h1>Host</h1>${body}</body></html>`
    const banner = () => page(`<script src="${assent.baseUrl}/embed/banner.js" data-token="${issueBannerToken(assent.payload, SUBJECT, new Date()).token}"></script>`)
    demo.get('/plain', (_req, res) => res.send(banner()))
    demo.get('/strict', (_req, res) => {
      res.setHeader('Content-Security-Policy', `default-src 'none'; script-src ${assent.baseUrl}; connect-src ${assent.baseUrl}; style-src 'none'; base-uri 'none'; form-action 'none'`)
      res.send(banner())
    })
    // Controls: the harness must see a payload that runs and a script the CSP blocks.
    demo.get('/control/open', (_req, res) => res.send(page('<img src=x onerror="xssHit(-100)"><img src="http://xss.invalid/-101.png">')))
    demo.get('/control/csp', (_req, res) => {
      res.setHeader('Content-Security-Policy', "default-src 'none'")
      res.send(page('<script>xssHit(-102)</script>'))
    })
    host = await new Promise((resolve) => {
      const s = demo.listen(0, '127.0.0.1', () => resolve(s))
    })
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => host?.close(resolve))
    await assent?.close()
  })

  /** Opens `url` on a watched page, checks its CSP header, waits for `ready` (the banner), then
   * counts what survived. */
  async function visit(page: Page, url: string, { csp = true, ready = async () => {} } = {}) {
    const response = await page.goto(url, { waitUntil: 'load' })
    pages++
    if (csp && !response?.headers()['content-security-policy']) withoutCsp.push(url)
    await ready()
    // Broken images, autofocus and animations fire their handlers just after load.
    await page.waitForTimeout(200)
    dangerous += await scriptCapable(page)
    return response
  }

  /** Counts a page shown with setContent (a mail client, a saved report: no CSP at all). */
  async function show(page: Page, html: string, label: string) {
    await page.setContent(html, { waitUntil: 'load' })
    pages++
    await page.waitForTimeout(200)
    dangerous += await scriptCapable(page)
    if (!(await page.locator('body').innerText()).includes(MARK)) silent.push(label)
  }

  it('sees a payload that runs, a request to the marker host and a script the CSP blocks', async () => {
    const control = newTally()
    const page = await watch(await browser.newPage(), control)
    await page.goto(`${hostUrl}/control/open`, { waitUntil: 'load' })
    await expect.poll(() => control.executed).toEqual([-100])
    expect(await scriptCapable(page)).toBe(1)
    await page.goto(`${hostUrl}/control/csp`, { waitUntil: 'load' })
    await expect.poll(() => control.violations.length).toBe(1)
    expect(control.executed).toEqual([-100])
    expect(control.requested).toEqual([`http://xss.invalid/-101.png`])
    await page.close()
  })

  it('renders the Legal Center, its error pages and the redline with a CSP, payloads as text', async () => {
    const page = await watch(await browser.newPage({ viewport: { width: 1100, height: 900 } }), tally)
    const reflected = encodeURIComponent(payloads(800)[1])
    const paths = [
      '/legal', `/legal/${slug}`, `/legal/${slug}/versions`, `/legal/${slug}/versions/1`, `/legal/${slug}/versions/2`, `/legal/${slug}/versions/3`,
      `/legal/${slug}/compare/1/2?view=side`, `/legal/${slug}/compare/2/1`, `/legal/${slug}/compare/2/3`,
      // Error pages repeat the title, or what the URL asked for.
      `/legal/${slug}/versions/99`, `/legal/${reflected}`, `/legal/${slug}/compare?from=${reflected}&to=2`,
      `/legal/${slug}/compare/1/2`,
    ]
    for (const path of paths) {
      await visit(page, `${assent.baseUrl}${path}`)
      if (!(await page.locator('body').innerText()).includes(MARK)) silent.push(path)
    }
    // The last page is the redline, which shows the payloads as the version pages render them
    // (markup the sanitizer drops is gone from both): its changed lines are marked, and the
    // payload text the pages show is on it (the silent check above).
    await expect(page.locator('ins').count()).resolves.toBeGreaterThan(0)
    await expect(page.locator('del').count()).resolves.toBeGreaterThan(0)
    await page.locator('#rl-change-1').scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('reliability-xss-compare'), fullPage: false })
    await page.close()
  })

  it('serves the Atom feeds with the payloads escaped and a CSP', async () => {
    const page = await watch(await browser.newPage(), tally)
    for (const path of ['/legal/feed.atom', `/legal/${slug}/feed.atom`]) {
      const response = await visit(page, `${assent.baseUrl}${path}`)
      expect(response?.status()).toBe(200)
      expect(await response?.text()).toContain(`&lt;script&gt;${MARK}`)
    }
    await page.close()
  })

  it('shows the login banner on host pages with and without a CSP, and records a hostile user agent', async () => {
    // The user agent is whatever the browser sends: it is stored with the acceptance.
    const context = await browser.newContext({ userAgent: USER_AGENT })
    const page = await watch(await context.newPage(), tally)
    for (const [path, csp] of [['/plain', false], ['/strict', true]] as const) {
      const banner = page.locator('#assent-banner section.banner')
      await visit(page, `${hostUrl}${path}`, { csp, ready: () => banner.waitFor() })
      expect(await banner.innerText()).toContain(MARK)
    }
    await page.screenshot({ path: screenshotPath('reliability-xss-banner') })
    await page.locator('#assent-banner button.accept').click()
    await page.locator('#assent-banner').waitFor({ state: 'detached' })
    await context.close()
  })

  it('shows staff the notice preview with its CSP, payloads as text', async () => {
    await assent.payload.create({ collection: 'users', data: { email: 'xss-editor@example.com', password: 'long-enough-password', role: 'editor' } })
    const { token } = await assent.payload.login({ collection: 'users', data: { email: 'xss-editor@example.com', password: 'long-enough-password' } })
    const context = await browser.newContext({ extraHTTPHeaders: { authorization: `JWT ${token}` } })
    const page = await watch(await context.newPage(), tally)
    const response = await visit(page, `${assent.baseUrl}/api/v1/policy-versions/${upcomingId}/notice-preview`)
    expect(response?.status()).toBe(200)
    expect(await page.locator('body').innerText()).toContain(MARK)
    await context.close()
  })

  it('renders the change notice email and the evidence report (no CSP) with the payloads as text', async () => {
    const page = await watch(await browser.newPage(), tally)
    const subject = (await assent.payload.find({ collection: 'subjects', where: { externalId: { equals: SUBJECT } } })).docs[0]
    const facts = { policySlug: slug, policyTitle: `Terms ${payloads(600).slice(0, 8).join(' ')}`, acceptanceMode: 'clickwrap' as const, version: 2, changeClass: 'material' as const, summary: payloads(600).join(' '), effectiveAt: new Date() }
    await show(page, renderChangeNotice(changeNoticeContext(facts, { name: subject.name, locale: '"><script>xssHit(904)</script>' }, assent.baseUrl, 'Example')).html, 'change notice email')
    const { files } = await buildEvidencePack(assent.payload, SUBJECT)
    const report = files.get('report.html')!
    expect(report).toContain('&lt;script&gt;xssHit(902)')
    await show(page, report, 'evidence report')
    await page.close()
  })

  it('ran none of the payloads anywhere', () => {
    recordFigure('XSS', 'payloads in the corpus', CORPUS)
    recordFigure('XSS', 'pages rendered in Chromium', pages)
    const executed = recordFigure('XSS', 'payloads that ran', tally.executed.length, 0)
    recordFigure('XSS', 'requests to the attacker host', tally.requested.length, 0)
    recordFigure('XSS', 'script-capable elements left in the DOM', dangerous, 0)
    recordFigure('XSS', 'CSP violations reported by the browser', tally.violations.length)
    recordFigure('XSS', 'Assent pages without a CSP', withoutCsp.length, 0)
    console.log(`XSS: ${CORPUS} payloads, ${pages} pages, ${tally.executed.length} ran, ${tally.requested.length} marker requests, ${dangerous} script-capable elements, ${tally.violations.length} CSP violations ${tally.violations.slice(0, 5).join('; ')}`)
    expect(pages).toBe(20)
    expect(silent).toEqual([])
    expect(executed, `payloads that ran: ${tally.executed.join(', ')}`).toBe(0)
    expect(tally.requested).toEqual([])
    expect(dangerous).toBe(0)
    expect(withoutCsp).toEqual([])
  })
})
