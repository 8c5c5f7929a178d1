import type { Browser, BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { startAdminServer } from '../support/adminServer'
import { beforeAllTests } from '../support/beforeAllTests'
import { adminTab, browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { serverProcesses } from '../support/spawnServer'

if (browserUnavailable) console.log(`Admin first-hour browser tests skipped: ${browserUnavailable}.`)

const admin = { email: 'owner@example.com', password: 'a-long-admin-password' }
/** Pages load slowly while other builds run on this machine. */
const LOADED_MACHINE_MS = 90_000
const TEST_MS = 240_000

/** What a new user meets in the admin in their first hour, on the seeded privacy policy. */
describe.skipIf(browserUnavailable)('the admin in the first hour, in Chromium', () => {
  const setup = beforeAllTests(async (closeAfter) => {
    const servers = closeAfter(serverProcesses())
    const { base, auth } = await startAdminServer(servers, 'first-hour', admin)
    return { base, auth, browser: closeAfter(await launchBrowser()) }
  }, 900_000) // a cold admin build on a loaded machine takes minutes

  const logIn = async () => {
    const page = await adminTab(setup.browser, setup.base, admin, { width: 1440, height: 1000 })
    page.setDefaultTimeout(LOADED_MACHINE_MS)
    return page
  }
  /** The privacy policy's open draft (started through "New revision"), as its edit URL. */
  const privacyDraft = async () => {
    const res = await fetch(`${setup.base}/api/v1/policies/privacy/revisions`, { method: 'POST', headers: setup.auth, body: '{}' })
    expect(res.status).toBeLessThan(300)
    return `${setup.base}${((await res.json()) as { editUrl: string }).editUrl}`
  }
  /** Every request a page of `context` makes to a host other than Assent's. */
  const foreignRequests = (context: BrowserContext) => {
    const seen: string[] = []
    context.on('request', (request) => {
      const url = new URL(request.url())
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== setup.base) seen.push(request.url())
    })
    return seen
  }
  const visit = async (page: Page, url: string) => {
    await page.goto(url, { timeout: LOADED_MACHINE_MS })
    await page.waitForLoadState('networkidle', { timeout: LOADED_MACHINE_MS })
  }

  it('requests nothing from another host, on the public pages, the login page or any admin screen', async () => {
    const context = await setup.browser.newContext({ viewport: { width: 1440, height: 1000 } })
    context.setDefaultTimeout(LOADED_MACHINE_MS)
    const foreign = foreignRequests(context)
    const page = await context.newPage()
    for (const url of ['/legal', '/legal/privacy', '/legal/privacy/versions/1', '/legal/privacy/compare/1/2', '/admin/login']) await visit(page, `${setup.base}${url}`)
    await page.fill('input[name="email"]', admin.email)
    await page.fill('input[name="password"]', admin.password)
    await page.click('button[type="submit"]')
    await page.waitForURL(`${setup.base}/admin`)
    await page.waitForLoadState('networkidle')
    const { docs } = (await (await fetch(`${setup.base}/api/policies?where[slug][equals]=privacy`)).json()) as { docs: Array<{ id: number }> }
    for (const url of [`${setup.base}/admin/collections/policies/${docs[0].id}`, `${setup.base}/admin/collections/policy-versions`, await privacyDraft(), `${setup.base}/admin/account`]) await visit(page, url)
    expect(foreign).toEqual([])
    await context.close()
  }, TEST_MS)

  it('shows Assent on the login page and as the favicon, served by Assent itself', async () => {
    const favicon = await fetch(`${setup.base}/favicon.ico`)
    expect([favicon.status, favicon.headers.get('content-type')]).toEqual([200, 'image/svg+xml; charset=utf-8'])
    expect(await favicon.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    const page = await setup.browser.newPage()
    page.setDefaultTimeout(LOADED_MACHINE_MS)
    await visit(page, `${setup.base}/admin/login`)
    await page.getByTestId('assent-logo').waitFor()
    await expect(page.getByTestId('assent-logo').innerText()).resolves.toBe('Assent')
    await expect(page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')))).resolves.toEqual(['/favicon.svg'])
    await page.screenshot({ path: screenshotPath('after-admin-login'), fullPage: true })
    await page.close()
  }, TEST_MS)

  it('starts versions only from a policy: no blank "Create New", and the create address makes no draft', async () => {
    const count = async () => ((await (await fetch(`${setup.base}/api/policy-versions?draft=true&limit=0`, { headers: setup.auth })).json()) as { totalDocs: number }).totalDocs
    const before = await count()
    const page = await logIn()
    await visit(page, `${setup.base}/admin/collections/policy-versions`)
    await page.getByText('A version is started from its policy').waitFor()
    await expect(page.locator('a[href*="/policy-versions/create"]').count()).resolves.toBe(0)
    await visit(page, `${setup.base}/admin/collections/policy-versions/create`)
    await page.waitForTimeout(3000)
    expect(await count()).toBe(before)
    await page.close()
  }, TEST_MS)

  it('titles a draft by its policy and the number it will take, in heading and breadcrumb, whatever its summary', async () => {
    const page = await logIn()
    await visit(page, await privacyDraft())
    const heading = page.locator('h1.render-title')
    await expect.poll(() => heading.innerText()).toBe('Privacy Policy — draft of version 3')
    await expect.poll(() => page.locator('.step-nav__last').innerText()).toBe('Privacy Policy — draft of version 3')
    await page.fill('textarea#field-summary', 'Says how fast we answer privacy requests.')
    // Autosave runs every 2 s; the title stays the version's, not the summary's.
    await page.waitForTimeout(4000)
    await expect(heading.innerText()).resolves.toBe('Privacy Policy — draft of version 3')
    await page.getByTestId('redline-summary').waitFor({ timeout: 20_000 })
    const size = await page.getByTestId('redline-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(size).toBeGreaterThanOrEqual(14)
    await page.screenshot({ path: screenshotPath('after-admin-draft'), fullPage: false })
    await page.close()
  }, TEST_MS)

  it('publishes through a dialog that shows no choice before it is made, closes, and leaves the page showing the version published', async () => {
    const page = await logIn()
    await visit(page, await privacyDraft())
    await page.click('#publish-wizard')
    const dialog = page.getByTestId('publish-dialog')
    await dialog.getByText('Publish version 3 of the Privacy Policy').waitFor()
    await page.getByTestId('preview-waiting').waitFor()
    await expect(page.getByTestId('publish-preview').count()).resolves.toBe(0)
    await expect(page.inputValue('#publish-effective')).resolves.toBe('')
    await expect(page.getByTestId('supersession-warning').count()).resolves.toBe(0)
    await page.screenshot({ path: screenshotPath('after-publish-dialog-unchosen') })

    await dialog.locator('input[value="informational"]').check()
    await page.frameLocator('[data-testid="publish-preview"]').getByText('Informational').first().waitFor()
    await page.fill('#publish-summary', 'Says how fast we answer privacy requests.')
    const upcoming = (await (await fetch(`${setup.base}/api/v1/policies/privacy/versions`)).json()) as { versions: Array<{ effectiveAt: string }> }
    // After version 2's date, so that it still takes effect.
    const day = new Date(new Date(upcoming.versions.at(-1)!.effectiveAt).getTime() + 86_400_000).toISOString().slice(0, 10)
    await page.fill('#publish-effective', day)
    await page.click('#publish-confirm')
    await page.getByTestId('publish-result').waitFor()
    // Behind the result, without a reload, the status says so already.
    await expect.poll(() => page.locator('.status__value').first().innerText(), { timeout: 20_000 }).toBe('Published')
    await page.screenshot({ path: screenshotPath('after-publish-result') })

    await page.click('#publish-close')
    await expect(page.locator('dialog[open]').count()).resolves.toBe(0)
    // The page renders again as the server has it: the frozen version, read-only.
    await page.getByTestId('version-frozen').waitFor()
    // Nothing was left to autosave onto the published version.
    await expect(page.getByText('You are not allowed to perform this action.').count()).resolves.toBe(0)
    await expect(page.locator('#publish-wizard').count()).resolves.toBe(0)
    // The seed has no subjects: nobody could be told, and the panel says so.
    await expect(page.getByTestId('no-notices').innerText()).resolves.toBe('No notices: no subjects were known when it was published.')
    await page.screenshot({ path: screenshotPath('after-published-closed'), fullPage: true })
    await page.close()
  }, TEST_MS)

  it("puts Assent's overview and the acceptance chart above Payload's collection cards", async () => {
    const page = await logIn()
    await page.getByTestId('acceptance-chart').waitFor()
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y
    const [dashboard, chart, cards] = [await top('[data-testid="policy-dashboard"]'), await top('[data-testid="acceptance-chart"]'), await top('.card')]
    expect(dashboard).toBeLessThan(chart)
    expect(chart).toBeLessThan(cards)
    await page.screenshot({ path: screenshotPath('after-dashboard'), fullPage: false })
    await page.close()
  }, TEST_MS)
})
