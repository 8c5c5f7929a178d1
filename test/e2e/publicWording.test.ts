import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { startSeededTestApp } from '../support/startSeededTestApp'
import type { TestApp } from '../support/testApp'

if (browserUnavailable) console.log(`Public wording browser tests skipped: ${browserUnavailable}.`)

// The one setting that names the organisation; the mail sender's display name says something else.
process.env.ORGANISATION_NAME = 'Leads Group Inc.'
process.env.MAIL_FROM = 'Assent <legal@example.com>'

let app: TestApp
beforeAll(async () => {
  app = await startSeededTestApp()
})
afterAll(() => app?.close())

const text = async (path: string) => (await fetch(`${app.baseUrl}${path}`)).text()

describe('the feeds', () => {
  it('say a version whose date has passed took effect, and one still to come takes effect', async () => {
    const xml = await text('/legal/privacy/feed.atom')
    expect(xml).toContain('Took effect on 2020-02-10.')
    expect(xml).not.toContain('Takes effect on 2020-02-10')
    const version2 = (await app.payload.find({ collection: 'policy-versions', where: { version: { equals: 2 } }, overrideAccess: true })).docs[0]
    expect(new Date(version2.effectiveAt!).getTime()).toBeGreaterThan(Date.now())
    expect(xml).toContain(`Takes effect on ${version2.effectiveAt!.slice(0, 10)}.`)
  })

  it('name the organisation as their author, not their own title', async () => {
    for (const path of ['/legal/feed.atom', '/legal/privacy/feed.atom']) {
      const xml = await text(path)
      expect(xml).toContain('<author><name>Leads Group Inc.</name></author>')
    }
  })
})

describe.skipIf(browserUnavailable)('the Legal Center\'s wording in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  it('shows the policy\'s title as its one heading, under the organisation\'s name', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } })
    await page.goto(`${app.baseUrl}/legal/privacy`)
    const headings = await page.locator('h1, h2, h3, h4, h5, h6').allInnerTexts()
    expect(headings.filter((h) => h.trim() === 'Privacy Policy')).toHaveLength(1)
    expect(await page.locator('h1').count()).toBe(1)
    // The document itself is all there: its text follows the one heading.
    await expect(page.locator('.doc-body').innerText()).resolves.toContain('Your privacy is important to Leads Group Inc.')
    await expect(page.locator('header.site .brand').innerText()).resolves.toBe('Leads Group Inc.')
    await expect(page.title()).resolves.toBe('Privacy Policy · Leads Group Inc.')
    await page.screenshot({ path: screenshotPath('legal-policy-one-heading') })

    await page.goto(`${app.baseUrl}/legal/privacy/versions/1`)
    expect(await page.locator('h1').count()).toBe(1)
    await page.close()
  })

  it('says on an upcoming version\'s page the date it takes effect', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } })
    await page.goto(`${app.baseUrl}/legal/privacy/versions/2`)
    const status = await page.locator('.status').innerText()
    expect(status).toMatch(/^This version has been published and takes effect on \d{1,2} [A-Z][a-z]+ \d{4}\.$/)
    expect(status).not.toContain('its effective date')
    await page.close()
  })
})
