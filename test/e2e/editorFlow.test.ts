import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { earliestEffectiveAt } from '../../src/domain/effectiveDateSuggestion'
import { startAdminServer } from '../support/adminServer'
import { beforeAllTests } from '../support/beforeAllTests'
import { adminTab, browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { serverProcesses } from '../support/spawnServer'

if (browserUnavailable) console.log(`Editor browser tests skipped: ${browserUnavailable}.`)

const admin = { email: 'owner@example.com', password: 'a-long-admin-password' }
const editor = { email: 'editor@example.com', password: 'an-editor-password-1' }
const second = { email: 'second@example.com', password: 'an-editor-password-2' }
const NEW_SENTENCE = 'We answer every privacy request within 30 days.'
const SUMMARY = 'Says how fast we answer privacy requests: within 30 days.'
const FIVE_MINUTES = 5 * 60_000

describe.skipIf(browserUnavailable)('the legal editor in Chromium', () => {
  const setup = beforeAllTests(async (closeAfter) => {
    const servers = closeAfter(serverProcesses())
    const { base, auth: adminAuth } = await startAdminServer(servers, 'editor', admin)
    for (const user of [editor, second]) {
      const res = await fetch(`${base}/api/users`, { method: 'POST', headers: adminAuth, body: JSON.stringify({ ...user, role: 'editor' }) })
      expect(res.status, await res.clone().text()).toBe(201)
    }
    for (const [externalId, email] of [['ana-1', 'ana@example.com'], ['ben-2', 'ben@example.com'], ['cy-3', null]]) {
      const res = await fetch(`${base}/api/subjects`, { method: 'POST', headers: adminAuth, body: JSON.stringify({ externalId, email }) })
      expect(res.status).toBe(201)
    }
    const browser = closeAfter(await launchBrowser())
    return { base, adminAuth, browser }
  }, 300_000)

  const logIn = (who: { email: string; password: string }) => adminTab(setup.browser, setup.base, who, { width: 1440, height: 1000 })

  /** Adds a paragraph at the end of the document in the rich-text editor, clicking just after
   * its last character as a person would. */
  async function appendParagraph(page: Page, text: string) {
    const paragraph = page.locator('[data-lexical-editor="true"] > p').last()
    await paragraph.scrollIntoViewIfNeeded()
    const end = await paragraph.evaluate((p) => {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
      let last: Node | null = null
      while (walker.nextNode()) last = walker.currentNode
      const range = document.createRange()
      range.setStart(last!, last!.textContent!.length)
      const rect = range.getBoundingClientRect()
      return { x: rect.right + 1, y: rect.top + rect.height / 2 }
    })
    await page.mouse.click(end.x, end.y)
    await page.waitForTimeout(300)
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type(text)
  }

  /** From the dashboard: a new revision of `slug` (whose version 1 is the newest) with `paragraph`
   * added, and the publish dialog open on a material change with `summary`. Returns the draft's URL. */
  async function reviseAsMaterial(page: Page, slug: string, paragraph: string, summary: string): Promise<string> {
    await page.click(`#new-revision-${slug}`)
    await page.waitForURL(/\/admin\/collections\/policy-versions\/\d+$/)
    await appendParagraph(page, paragraph)
    await page.getByTestId('redline-summary').getByText('1 change against version 1.').waitFor({ timeout: 20_000 })
    await page.click('#publish-wizard')
    await page.getByTestId('publish-dialog').locator('input[value="material"]').check()
    await page.fill('#publish-summary', summary)
    return page.url()
  }

  /** A clickwrap policy with a 30-day notice period and its first version, `paragraph`. */
  async function newClickwrapPolicy(title: string, slug: string, paragraph: string) {
    const created = await fetch(`${setup.base}/api/policies`, { method: 'POST', headers: setup.adminAuth, body: JSON.stringify({ title, slug, acceptanceMode: 'clickwrap', noticePeriodDays: 30 }) })
    expect(created.status).toBe(201)
    const first = await fetch(`${setup.base}/api/v1/policies/${slug}/versions`, { method: 'POST', headers: setup.adminAuth, body: JSON.stringify({ markdown: `# ${title}\n\n${paragraph}`, changeClass: 'editorial', summary: 'First version.' }) })
    expect(first.status).toBe(201)
  }

  const publishedVersions = async (slug: string) =>
    ((await (await fetch(`${setup.base}/api/v1/policies/${slug}/versions`)).json()) as { versions: Array<{ version: number; contentHash: string; effectiveAt: string }> }).versions
  const dialogAlert = (page: Page, section: string) => page.locator(`[data-testid="publish-dialog"] [data-section="${section}"] [role="alert"]`)

  it("publishes the seed's next privacy revision end to end: new revision, redline, guided publish with counts, read-only result", async () => {
    const started = Date.now()
    const page = await logIn(editor)
    const dashboard = page.getByTestId('policy-dashboard')
    await dashboard.waitFor()
    await expect(dashboard.locator('[data-policy="privacy"] [data-version-row="In force"]').innerText()).resolves.toContain('1 · material')
    await expect(dashboard.locator('[data-policy="privacy"] [data-version-row="Upcoming"]').innerText()).resolves.toContain('2 · material')
    await page.screenshot({ path: screenshotPath('editor-1-dashboard'), fullPage: true })

    await page.click('#new-revision-privacy')
    await page.waitForURL(/\/admin\/collections\/policy-versions\/\d+$/)
    await page.getByTestId('version-draft').getByText('Draft of version 3 of the Privacy Policy').waitFor()
    await expect(page.getByTestId('redline-summary').innerText()).resolves.toBe('No changes yet against version 2.')

    await appendParagraph(page, NEW_SENTENCE)
    await page.getByTestId('redline-summary').getByText('1 change against version 2.').waitFor({ timeout: 20_000 })
    // The panel follows the typing 0.6 s behind: on a busy machine it may first show part of it.
    await expect.poll(() => page.locator('[data-testid="redline-panel"] ins').allInnerTexts(), { timeout: 20_000 }).toEqual([NEW_SENTENCE])
    await expect(page.locator('[data-testid="redline-panel"] del').count()).resolves.toBe(0)
    await page.screenshot({ path: screenshotPath('editor-2-draft-with-redline'), fullPage: false })

    await page.click('#publish-wizard')
    const dialog = page.getByTestId('publish-dialog')
    await dialog.getByText('Publish version 3 of the Privacy Policy').waitFor()
    // Nothing chosen: the dialog says what is missing next to each choice, and asks Assent nothing.
    await page.click('#publish-confirm')
    await expect(dialogAlert(page, 'changeClass').innerText()).resolves.toContain('Choose the kind of change')
    await expect(dialogAlert(page, 'summary').innerText()).resolves.toContain('Write the summary')
    await page.screenshot({ path: screenshotPath('editor-3-publish-missing-choices') })

    await dialog.locator('input[value="material"]').check()
    await page.fill('#publish-summary', SUMMARY)
    const upcoming = (await publishedVersions('privacy')).at(-1)!
    const earliest = earliestEffectiveAt({ changeClass: 'material', now: new Date(), noticePeriodDays: 30, latestPublishedEffectiveAt: new Date(upcoming.effectiveAt) })!.toISOString().slice(0, 10)
    await expect(page.inputValue('#publish-effective')).resolves.toBe(earliest)
    await expect(page.getByTestId('effective-hint').innerText()).resolves.toContain(`Earliest allowed: ${earliest}`)
    await expect(page.getByTestId('publish-outcome').innerText()).resolves.toContain('2 subjects will be emailed; the banner shows from now to all 3 subjects at their next login.')

    // Previews of what people will see, with the choices made in the dialog.
    await page.frameLocator('[data-testid="publish-preview"]').getByText('Preview: version 3 is not published').waitFor()
    await page.click('#preview-banner')
    await page.frameLocator('[data-testid="publish-preview"]').getByText(SUMMARY).waitFor()
    await page.screenshot({ path: screenshotPath('editor-4-publish-banner-preview') })
    await page.click('#preview-email')
    await page.frameLocator('[data-testid="publish-preview"]').getByText(SUMMARY).first().waitFor()

    // A date inside the notice period: Assent refuses, the dialog explains it by the date, nothing is published.
    await page.fill('#publish-effective', new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10))
    // An editor cannot override the rules, and no one may date a version before a published one.
    await expect(page.locator('#publish-override').count()).resolves.toBe(0)
    await page.click('#publish-confirm')
    await expect(dialogAlert(page, 'effectiveAt').innerText()).resolves.toMatch(/earlier than an already published version|needs 30 days' notice/)
    expect((await publishedVersions('privacy')).map((v) => v.version)).toEqual([1, 2])
    await page.screenshot({ path: screenshotPath('editor-5-publish-date-refused') })

    // Version 2's own date (the earliest the rules allow, short of crossing midnight UTC since the
    // seed): version 3 would take its place before it ever took effect. The dialog names it and
    // publishes only once the editor confirms.
    const v2Day = upcoming.effectiveAt.slice(0, 10)
    await page.fill('#publish-effective', v2Day)
    const warning = page.getByTestId('supersession-warning')
    await expect(warning.innerText()).resolves.toContain(`Version 2 (material, takes effect ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(upcoming.effectiveAt))}) will never take effect: this version replaces it first.`)
    await page.click('#publish-confirm')
    await expect(dialogAlert(page, 'effectiveAt').innerText()).resolves.toContain('Confirm that the version named above will never take effect, or choose a later date.')
    expect((await publishedVersions('privacy')).map((v) => v.version)).toEqual([1, 2])
    await warning.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('editor-5b-publish-supersedes-version-2') })
    await page.check('#publish-supersede')
    await page.click('#publish-confirm')
    const result = page.getByTestId('publish-result')
    await result.waitFor()
    await expect(result.innerText()).resolves.toBe(`2 emails are queued and 3 people see the banner at their next login. It takes effect ${v2Day}.`)
    await page.screenshot({ path: screenshotPath('editor-6-published') })
    const elapsed = Date.now() - started

    const versions = await publishedVersions('privacy')
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3])
    const v3 = (await (await fetch(`${setup.base}/api/v1/policies/privacy/versions/3`)).json()) as { text: string; summary: string; effectiveAt: string; contentHash: string }
    expect(v3.text.endsWith(`This policy is effective as of the date shown at the top of this page.\n\n${NEW_SENTENCE}\n`)).toBe(true)
    expect(v3).toMatchObject({ summary: SUMMARY, effectiveAt: `${v2Day}T00:00:00.000Z` })

    await page.click('#publish-finish')
    const frozen = page.getByTestId('version-frozen')
    await frozen.waitFor()
    await expect(frozen.isVisible()).resolves.toBe(true)
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0)
    await expect(frozen.locator('[data-fact="hash"]').innerText()).resolves.toBe(v3.contentHash)
    await expect(frozen.locator('[data-fact="published"]').innerText()).resolves.toContain(`by ${editor.email}`)
    await expect(page.locator('#publish-wizard').count()).resolves.toBe(0)
    await expect(page.locator('textarea#field-summary').isEditable()).resolves.toBe(false)
    await page.screenshot({ path: screenshotPath('editor-7-published-read-only'), fullPage: true })

    await page.goto(`${setup.base}/admin`)
    // One upcoming version: version 2 is listed as superseded, never as upcoming.
    await expect(page.locator('[data-policy="privacy"] [data-version-row="Upcoming"]').count()).resolves.toBe(1)
    await expect(page.locator('[data-policy="privacy"] [data-version-row="Upcoming"][data-version="3"]').innerText()).resolves.toMatch(/3 · material[\s\S]*0 of 3 \(0%\)/)
    await expect(page.locator('[data-policy="privacy"] [data-version-row="Superseded before it took effect (by version 3)"][data-version="2"]').count()).resolves.toBe(1)
    await page.screenshot({ path: screenshotPath('editor-7b-dashboard-after'), fullPage: false })
    await page.close()
    console.log(`An editor published privacy version 3 in ${(elapsed / 1000).toFixed(1)} s of browser time (login to confirmation, including two refusals).`)
    expect(elapsed).toBeLessThan(FIVE_MINUTES)
  }, 240_000)

  it('refuses to change a published version, whoever asks, and says why', async () => {
    const { docs } = (await (await fetch(`${setup.base}/api/policy-versions?where[version][equals]=3&depth=0`, { headers: setup.adminAuth })).json()) as { docs: Array<{ id: number; summary: string }> }
    const editorLogin = await fetch(`${setup.base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(editor) })
    const editorAuth = { authorization: `JWT ${((await editorLogin.json()) as { token: string }).token}`, 'content-type': 'application/json' }
    const patched = await fetch(`${setup.base}/api/policy-versions/${docs[0].id}`, { method: 'PATCH', headers: editorAuth, body: JSON.stringify({ summary: 'Quietly changed.' }) })
    expect(patched.status).toBeGreaterThanOrEqual(400)
    expect(patched.status).toBeLessThan(500)
    const publishAgain = await fetch(`${setup.base}/api/v1/policy-versions/${docs[0].id}/publish`, { method: 'POST', headers: editorAuth, body: JSON.stringify({ changeClass: 'editorial', summary: 'Quietly changed.' }) })
    expect(((await publishAgain.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'version_frozen' })
    const v3 = (await (await fetch(`${setup.base}/api/v1/policies/privacy/versions/3`)).json()) as { summary: string }
    expect(v3.summary).toBe(SUMMARY)

    const page = await logIn(editor)
    await page.goto(`${setup.base}/admin/collections/policy-versions/${docs[0].id}`)
    await expect(page.getByTestId('version-frozen').innerText()).resolves.toContain('A published version is frozen')
    await page.close()
  })

  it('with the two-person rule, a material version waits for a second editor, whose approval the first then publishes', async () => {
    const { docs } = (await (await fetch(`${setup.base}/api/policies?where[slug][equals]=terms`)).json()) as { docs: Array<{ id: number }> }
    const ruled = await fetch(`${setup.base}/api/policies/${docs[0].id}`, { method: 'PATCH', headers: setup.adminAuth, body: JSON.stringify({ requireSecondApproval: true }) })
    expect(ruled.status).toBe(200)

    const page = await logIn(editor)
    const draftUrl = await reviseAsMaterial(page, 'terms', 'Disputes go to arbitration in Dublin.', 'Sends disputes to arbitration.')
    await expect(page.getByTestId('publish-approval').innerText()).resolves.toContain('a second editor must approve this version')
    await page.click('#publish-confirm')
    await expect(dialogAlert(page, 'outcome').innerText()).resolves.toContain('needs a second editor to approve')
    await page.screenshot({ path: screenshotPath('editor-8-approval-required') })
    expect((await publishedVersions('terms')).map((v) => v.version)).toEqual([1])
    await page.click('#publish-cancel')
    // Autosave keeps the dialog's choices in the draft, for the second editor to approve.
    const draftId = draftUrl.split('/').at(-1)
    const deadline = Date.now() + 20_000
    let saved: { changeClass?: string; summary?: string } = {}
    // The dialog's fields may reach the draft in separate autosaves: wait for both.
    while (Date.now() < deadline && (saved.summary !== 'Sends disputes to arbitration.' || saved.changeClass !== 'material')) {
      await page.waitForTimeout(500)
      saved = (await (await fetch(`${setup.base}/api/policy-versions/${draftId}?draft=true&depth=0`, { headers: setup.adminAuth })).json()) as typeof saved
    }
    expect(saved).toMatchObject({ changeClass: 'material', summary: 'Sends disputes to arbitration.' })
    await page.close()

    const approver = await logIn(second)
    await approver.goto(draftUrl)
    const state = approver.getByTestId('approval-state')
    await expect(state.innerText()).resolves.toContain('needs a second editor\'s approval')
    await approver.click('#approve-version')
    await state.getByText(`Approved by ${second.email}`).waitFor()
    await expect(state.innerText()).resolves.toContain('as saved now')
    await expect(approver.locator('#approve-version').count()).resolves.toBe(0)
    await approver.getByTestId('redline-summary').waitFor()
    await approver.screenshot({ path: screenshotPath('editor-9-approved'), fullPage: false })
    await approver.close()

    const publisher = await logIn(editor)
    await publisher.goto(draftUrl)
    await publisher.click('#publish-wizard')
    await expect(publisher.getByTestId('publish-approval').innerText()).resolves.toContain(`approved by ${second.email}`)
    await publisher.click('#publish-confirm')
    await publisher.getByTestId('publish-result').waitFor()
    expect((await publishedVersions('terms')).map((v) => v.version)).toEqual([1, 2])
    await publisher.click('#publish-finish')
    await publisher.getByTestId('version-frozen').getByText(`by ${second.email}`).waitFor()
    await publisher.close()
  }, 240_000)

  it("keeps the dialog's choices when the answer to a save sent before them comes back with the old ones", async () => {
    await newClickwrapPolicy('Refund Policy', 'refunds', 'Refunds are made within 14 days.')

    const page = await logIn(editor)
    // The first autosave (of the new paragraph) is held in flight until the dialog has set all
    // its fields, as a slow server would: its answer carries the draft without them.
    let sent!: () => void
    let answer!: () => void
    const saveSent = new Promise<void>((resolve) => { sent = resolve })
    const answerHeld = new Promise<void>((resolve) => { answer = resolve })
    let saves = 0
    await page.route(/\/api\/policy-versions\/\d+\?[^#]*autosave=true/, async (route) => {
      if (saves++ === 0) {
        sent()
        await answerHeld
      }
      await route.continue()
    })
    await page.click('#new-revision-refunds')
    await page.waitForURL(/\/admin\/collections\/policy-versions\/\d+$/)
    const draftId = page.url().split('/').at(-1)
    await appendParagraph(page, 'Refunds of gift cards are made as store credit.')
    await saveSent
    await page.click('#publish-wizard')
    // Choosing the kind of change opens its preview below, and the dialog grows: what is above
    // must stay where it is, under the editor's pointer.
    const material = page.getByTestId('publish-dialog').locator('input[value="material"]')
    const before = await material.boundingBox()
    await material.check()
    await page.getByTestId('publish-preview').waitFor()
    expect(await material.boundingBox()).toEqual(before)
    await page.fill('#publish-summary', 'Gift cards are refunded as store credit.')
    await expect.poll(() => page.inputValue('#publish-effective'), { timeout: 20_000 }).not.toBe('')
    const day = await page.inputValue('#publish-effective')
    answer()
    await page.click('#publish-cancel')

    const deadline = Date.now() + 20_000
    let saved: { changeClass?: string; summary?: string; effectiveAt?: string } = {}
    while (Date.now() < deadline && (saves < 2 || saved.changeClass !== 'material' || saved.summary !== 'Gift cards are refunded as store credit.' || !saved.effectiveAt)) {
      await page.waitForTimeout(500)
      saved = (await (await fetch(`${setup.base}/api/policy-versions/${draftId}?draft=true&depth=0`, { headers: setup.adminAuth })).json()) as typeof saved
    }
    expect(saves).toBeGreaterThanOrEqual(2)
    expect(saved).toMatchObject({ changeClass: 'material', summary: 'Gift cards are refunded as store credit.', effectiveAt: `${day}T00:00:00.000Z` })
    // Reopened, the dialog starts from them.
    await page.click('#publish-wizard')
    await expect(page.getByTestId('publish-dialog').locator('input[value="material"]').isChecked()).resolves.toBe(true)
    await expect(page.inputValue('#publish-summary')).resolves.toBe('Gift cards are refunded as store credit.')
    await page.close()
  }, 240_000)

  it('lets an admin publish a material change sooner than its notice period, with a recorded reason', async () => {
    await newClickwrapPolicy('Cookie Policy', 'cookies', 'We use one session cookie.')

    const page = await logIn(admin)
    await reviseAsMaterial(page, 'cookies', 'We add a cookie that remembers your language.', 'Adds a language cookie.')
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    await page.fill('#publish-effective', tomorrow)
    await page.locator('#publish-override').waitFor()
    await page.click('#publish-confirm')
    await expect(dialogAlert(page, 'effectiveAt').innerText()).resolves.toContain('give the reason for the exception')
    await page.fill('#publish-override', 'The regulator asked for the change by tomorrow.')
    await page.screenshot({ path: screenshotPath('editor-10-admin-override') })
    await page.click('#publish-confirm')
    await expect(page.getByTestId('publish-result').innerText()).resolves.toContain(`It takes effect ${tomorrow}.`)
    await page.close()

    const { docs } = (await (await fetch(`${setup.base}/api/policy-versions?where[version][equals]=2&where[effectiveAt][equals]=${tomorrow}T00:00:00.000Z&depth=0`, { headers: setup.adminAuth })).json()) as { docs: Array<{ effectiveOverrideReason: string; changeClass: string }> }
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ changeClass: 'material', effectiveOverrideReason: 'The regulator asked for the change by tomorrow.' })
  }, 240_000)
})
