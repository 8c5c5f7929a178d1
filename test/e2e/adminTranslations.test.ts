import { describe, expect, it } from 'vitest'

import { startAdminServer } from '../support/adminServer'
import { beforeAllTests } from '../support/beforeAllTests'
import { adminTab, browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { serverProcesses } from '../support/spawnServer'

if (browserUnavailable) console.log(`Admin translation browser tests skipped: ${browserUnavailable}.`)

const admin = { email: 'owner@example.com', password: 'a-long-admin-password' }

/** Issue 24: on a draft, editors see each language's state, open the missing translation with
 * its version and language chosen, read a translation's redline, and are warned when publishing. */
describe.skipIf(browserUnavailable)('translations in the admin, in Chromium', () => {
  const setup = beforeAllTests(async (closeAfter) => {
    const servers = closeAfter(serverProcesses())
    const { base, auth } = await startAdminServer(servers, 'translations', admin)
    // The demo offers English and French; Arabic is offered too, with no translation yet.
    const languages = await fetch(`${base}/api/globals/site-languages`, { method: 'POST', headers: auth, body: JSON.stringify({ defaultLocale: 'en', locales: 'en, fr, ar' }) })
    expect(languages.status, await languages.clone().text()).toBe(200)
    const draft = (await (await fetch(`${base}/api/v1/policies/privacy/revisions`, { method: 'POST', headers: auth, body: '{}' })).json()) as { id: number }
    // A French translation of the draft that still has version 2's French text.
    const v2 = (await (await fetch(`${base}/api/policy-versions?where[version][equals]=2&depth=0`, { headers: auth })).json()) as { docs: { id: number }[] }
    const french = (await (await fetch(`${base}/api/version-translations?where[version][equals]=${v2.docs[0].id}&depth=0`, { headers: auth })).json()) as { docs: { body: unknown; summary: string }[] }
    const created = await fetch(`${base}/api/version-translations`, { method: 'POST', headers: auth, body: JSON.stringify({ version: draft.id, locale: 'fr', summary: french.docs[0].summary, body: french.docs[0].body, _status: 'published' }) })
    expect(created.status, await created.clone().text()).toBe(201)
    const browser = closeAfter(await launchBrowser())
    return { base, draftId: draft.id, browser }
  }, 900_000)

  it('lists each language with its state, warns in the publish dialog, and shows a translation\'s redline', async () => {
    const page = await adminTab(setup.browser, setup.base, admin, { width: 1440, height: 1000 })
    await page.goto(`${setup.base}/admin/collections/policy-versions/${setup.draftId}`)
    const panel = page.getByTestId('translations-panel')
    await panel.locator('li[data-locale="ar"]').waitFor({ timeout: 30_000 })
    await expect(panel.locator('li[data-locale="en"]').innerText()).resolves.toContain('the version\'s own language')
    await expect(panel.locator('li[data-locale="fr"]').innerText()).resolves.toContain('translated (ready), unchanged since version 2')
    await expect(panel.locator('li[data-locale="ar"]').innerText()).resolves.toContain('missing')

    await page.getByTestId('redline-locale').selectOption('fr')
    await page.getByTestId('redline-summary').getByText('0 changes against version 2\'s French (fr) text (the translation as last saved).').waitFor({ timeout: 20_000 })
    await page.screenshot({ path: screenshotPath('translations-1-panel-and-redline'), fullPage: true })

    await page.click('#publish-wizard')
    const warnings = page.getByTestId('translation-warnings')
    await warnings.waitFor({ timeout: 20_000 })
    await expect(warnings.getByTestId('translations-missing').innerText()).resolves.toContain('Missing at publication: Arabic (ar).')
    await expect(warnings.getByTestId('translation-unchanged').innerText()).resolves.toContain('The French (fr) translation still has version 2\'s text.')
    await warnings.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('translations-2-publish-warnings') })
    await page.click('#publish-cancel')

    await panel.locator('li[data-locale="ar"] a', { hasText: 'translate' }).click()
    await page.waitForURL(/\/admin\/collections\/version-translations\/create\?version=\d+&locale=ar$/)
    await expect.poll(() => page.locator('input[name="locale"]').inputValue(), { timeout: 20_000 }).toBe('ar')
    await expect.poll(() => page.locator('#field-version').innerText(), { timeout: 20_000 }).toMatch(/\S/)
    await page.screenshot({ path: screenshotPath('translations-3-create-preset') })
  }, 300_000)
})
