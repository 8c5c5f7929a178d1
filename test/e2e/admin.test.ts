import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureAdminBuild } from '../support/adminBuild'
import { adminTab, browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { freePort } from '../support/freePort'
import { exited, printed, spawnServer } from '../support/spawnServer'

if (browserUnavailable) console.log(`Admin browser tests skipped: ${browserUnavailable}.`)

const PORT = 39611
const base = `http://127.0.0.1:${PORT}`
const admin = { email: 'owner@example.com', password: 'a-long-admin-password' }

describe.skipIf(browserUnavailable)('the admin in Chromium', () => {
  let browser: Browser
  let server: ReturnType<typeof spawnServer>
  let stopped: ReturnType<typeof exited>
  let dir: string

  beforeAll(async () => {
    await ensureAdminBuild()
    dir = mkdtempSync(path.join(tmpdir(), 'assent-admin-'))
    server = spawnServer({
      ASSENT_ADMIN: 'on', NODE_ENV: 'production', ASSENT_ENV: 'local', PORT: String(PORT), PUBLIC_URL: base,
      DATABASE_URL: `file:${dir}/assent.db`, ASSENT_DATA_DIR: dir, PAYLOAD_SECRET: 'admin-test-secret',
      ASSENT_ADMIN_EMAIL: admin.email, ASSENT_ADMIN_PASSWORD: admin.password, NOTICE_POLL_SECONDS: '0.2',
      WEBHOOK_POLL_SECONDS: '0.2', WEBHOOK_MAX_ATTEMPTS: '2', WEBHOOK_RETRY_BASE_SECONDS: '0.05', WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    })
    stopped = exited(server)
    await printed(server, /Assent is serving/)
    browser = await launchBrowser()
  }, 300_000)

  /** A new tab with the admin logged in. */
  const loggedInPage = () => adminTab(browser, base, admin)

  afterAll(async () => {
    await browser?.close()
    server?.kill('SIGTERM')
    await stopped
  })

  it('shows the login page at /admin', async () => {
    const page = await browser.newPage()
    await page.goto(`${base}/admin`)
    await page.waitForURL(/\/admin\/login/)
    await expect(page.locator('input[name="email"]').isVisible()).resolves.toBe(true)
    await page.screenshot({ path: screenshotPath('admin-login'), fullPage: true })
    await page.close()
  })

  it('lets the admin log in and see the seeded policies and versions', async () => {
    const page = await loggedInPage()
    await page.goto(`${base}/admin/collections/policies`)
    await expect(page.getByText('Privacy Policy').first().isVisible()).resolves.toBe(true)
    await expect(page.getByText('Terms of Service').first().isVisible()).resolves.toBe(true)
    await page.screenshot({ path: screenshotPath('admin-policies'), fullPage: true })
    await page.goto(`${base}/admin/collections/policy-versions`)
    await page.getByText('Adds how long we keep your data').first().waitFor()
    await page.screenshot({ path: screenshotPath('admin-policy-versions'), fullPage: true })
    await page.close()
  })

  it('shows an acceptance recorded through the integration API', async () => {
    const created = spawnSync(process.execPath, ['scripts/assent.js', 'apikey:create', '--scope', 'integration', '--name', 'admin test'], {
      env: { ...process.env, DATABASE_URL: `file:${dir}/assent.db`, ASSENT_DATA_DIR: dir, PAYLOAD_SECRET: 'admin-test-secret' },
      encoding: 'utf8',
    })
    expect(created.status, created.stderr).toBe(0)
    const key = created.stdout.trim().split('\n').at(-1)!
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' }
    const upserted = await fetch(`${base}/api/v1/subjects/carol-42`, { method: 'PUT', headers, body: JSON.stringify({ email: 'carol@example.com' }) })
    expect(upserted.status, await upserted.clone().text()).toBe(201)
    const { contentHash } = (await (await fetch(`${base}/api/v1/policies/terms/versions/1`)).json()) as { contentHash: string }
    const accepted = await fetch(`${base}/api/v1/acceptances`, { method: 'POST', headers, body: JSON.stringify({ subject: 'carol-42', versions: [{ policy: 'terms', version: 1, contentHash }] }) })
    expect(accepted.status, await accepted.clone().text()).toBe(201)

    const page = await loggedInPage()
    await page.goto(`${base}/admin/collections/acceptances`)
    await page.getByText('carol-42').first().waitFor()
    await page.screenshot({ path: screenshotPath('admin-acceptances'), fullPage: true })
    await page.close()
  })

  it('lets the admin create an API key whose secret works at once and is never shown again', async () => {
    const page = await loggedInPage()
    await page.goto(`${base}/admin/collections/api-keys/create`)
    const key = await page.inputValue('input[name="key"]')
    expect(key).toMatch(/^assent_/)
    await page.fill('input[name="name"]', 'Created in the admin')
    await page.click('#field-scope .rs__control')
    await page.click('.rs__option:has-text("integration")')
    await page.click('button:has-text("Save")')
    await page.getByText('API key successfully created').waitFor()
    await expect(page.locator('input[name="key"]').count()).resolves.toBe(0)
    const res = await fetch(`${base}/api/v1/subjects/from-admin-key`, { method: 'PUT', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{}' })
    expect(res.status).toBe(201)
    await page.close()
  })

  it('shows who a draft will notify, previews its email, and after publishing shows how delivery stands', async () => {
    const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) })
    const auth = { authorization: `JWT ${((await login.json()) as { token: string }).token}`, 'content-type': 'application/json' }
    for (const [externalId, email] of [['dana-7', 'dana@example.com'], ['erin-8', 'erin@example.com'], ['frank-9', null]]) {
      const res = await fetch(`${base}/api/subjects`, { method: 'POST', headers: auth, body: JSON.stringify({ externalId, email }) })
      expect(res.status).toBe(201)
    }
    const subjects = (await (await fetch(`${base}/api/subjects?limit=0`, { headers: auth })).json()) as { totalDocs: number }
    const withEmail = (await (await fetch(`${base}/api/subjects?limit=0&where[email][exists]=true`, { headers: auth })).json()) as { totalDocs: number }
    const terms = (await (await fetch(`${base}/api/policies?where[slug][equals]=terms`)).json()) as { docs: { id: number }[] }
    const draft = await fetch(`${base}/api/policy-versions?draft=true`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ policy: terms.docs[0].id, changeClass: 'informational', summary: 'Clarifies how to contact support.' }),
    })
    const { doc } = (await draft.json()) as { doc: { id: number } }

    const page = await loggedInPage()
    await page.goto(`${base}/admin/collections/policy-versions/${doc.id}`)
    const panel = page.getByTestId('notice-panel')
    await panel.waitFor()
    await expect(panel.innerText()).resolves.toContain(`${withEmail.totalDocs} subjects will be emailed at once; the banner shows to all ${subjects.totalDocs}`)
    await page.screenshot({ path: screenshotPath('admin-draft-notice-panel'), fullPage: true })

    const preview = await browser.newPage()
    await preview.context().addCookies(await page.context().cookies())
    await preview.goto(`${base}/api/v1/policy-versions/${doc.id}/notice-preview`)
    await expect(preview.locator('body').innerText()).resolves.toMatch(/We are updating our Terms of Service[\s\S]*Clarifies how to contact support\./)
    await preview.screenshot({ path: screenshotPath('admin-notice-email-preview'), fullPage: true })
    await preview.close()
    expect((await fetch(`${base}/api/v1/policy-versions/${doc.id}/notice-preview`)).status).toBe(401)

    const published = await fetch(`${base}/api/v1/policies/terms/versions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ markdown: '# Terms of Service\n\nWrite to support@example.com for help.', changeClass: 'informational', summary: 'Clarifies how to contact support.' }),
    })
    expect(published.status).toBe(201)
    const { version } = (await published.json()) as { version: number }
    const versions = (await (await fetch(`${base}/api/policy-versions?where[version][equals]=${version}&where[policy][equals]=${terms.docs[0].id}`)).json()) as { docs: { id: number }[] }
    const deadline = Date.now() + 30_000
    let accepted = ''
    while (accepted !== String(withEmail.totalDocs) && Date.now() < deadline) {
      await page.goto(`${base}/admin/collections/policy-versions/${versions.docs[0].id}`)
      await page.getByTestId('notice-counts').waitFor()
      accepted = await page.locator('[data-count="Email accepted"]').innerText()
    }
    expect(accepted).toBe(String(withEmail.totalDocs))
    await expect(page.locator('[data-count="Banner not yet shown"]').innerText()).resolves.toBe(String(subjects.totalDocs))
    await expect(page.locator('[data-coverage="Pending"]').innerText()).resolves.toBe(String(subjects.totalDocs))
    await page.screenshot({ path: screenshotPath('admin-published-notice-counts'), fullPage: true })
    await page.close()

    // Without SMTP_URL the emails are .eml files a new user can open.
    const mails = readdirSync(path.join(dir, 'mail')).filter((f) => f.endsWith('.eml'))
    const named = mails.filter((f) => readFileSync(path.join(dir, 'mail', f), 'utf8').includes('Clarifies how to contact support.'))
    expect(named).toHaveLength(withEmail.totalDocs)
    // Each file is named after the notice's own Message-ID.
    for (const file of named) expect(readFileSync(path.join(dir, 'mail', file), 'utf8')).toContain(`Message-ID: <${file.match(/(notice-\d+@[\w.-]+)\.eml$/)?.[1]}>`)
  })

  it("lets the admin erase a subject's personal data from the subject's page, after typing its id", async () => {
    const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) })
    const auth = { authorization: `JWT ${((await login.json()) as { token: string }).token}` }
    const { docs } = (await (await fetch(`${base}/api/subjects?where[externalId][equals]=dana-7`, { headers: auth })).json()) as { docs: { id: number }[] }
    const page = await loggedInPage()
    await page.goto(`${base}/admin/collections/subjects/${docs[0].id}`)
    page.once('dialog', (dialog) => void dialog.accept('wrong-id'))
    await page.click('button:has-text("Erase personal data")')
    await page.getByText('Not erased: the external id did not match.').waitFor()
    page.once('dialog', (dialog) => void dialog.accept('dana-7'))
    await page.click('button:has-text("Erase personal data")')
    await page.getByTestId('erased').waitFor()
    await expect(page.inputValue('input[name="externalId"]')).resolves.toMatch(/^erased-[0-9a-f]{16}$/)
    await page.screenshot({ path: screenshotPath('admin-subject-erased'), fullPage: true })
    await page.close()
  })

  it('draws acceptances over time for each policy on the dashboard', async () => {
    const page = await loggedInPage()
    const chart = page.getByTestId('acceptance-chart')
    await chart.waitFor()
    // carol-42 accepted the terms in an earlier test.
    await expect(page.locator('[data-total="terms-Version 1"]').innerText()).resolves.toBe('1')
    await expect(chart.locator('polyline').count()).resolves.toBeGreaterThanOrEqual(3)
    await chart.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('admin-dashboard-chart'), fullPage: true })
    await page.close()
  })

  it('shows a webhook delivery that went dead, with its last error', async () => {
    const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) })
    const { token } = (await login.json()) as { token: string }
    const headers = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
    // Nothing listens on a free port: every attempt is refused.
    const registered = await fetch(`${base}/api/webhook-endpoints`, { method: 'POST', headers, body: JSON.stringify({ url: `http://127.0.0.1:${await freePort()}/hooks`, events: ['version.published'] }) })
    expect(registered.status).toBe(201)
    const published = await fetch(`${base}/api/v1/policies/terms/versions`, { method: 'POST', headers, body: JSON.stringify({ markdown: '# Terms of Service\n\nA clearer sentence.', changeClass: 'editorial', summary: 'Wording.' }) })
    expect(published.status).toBe(201)
    let deliveries: Array<{ status: string; lastError: string }> = []
    for (let i = 0; i < 100 && deliveries[0]?.status !== 'dead'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      deliveries = ((await (await fetch(`${base}/api/webhook-deliveries`, { headers })).json()) as { docs: typeof deliveries }).docs
    }
    expect(deliveries[0]).toMatchObject({ status: 'dead', lastError: 'the connection failed' })
    const page = await loggedInPage()
    await page.goto(`${base}/admin/collections/webhook-deliveries`)
    await page.getByText('the connection failed').first().waitFor()
    await expect(page.getByText('dead', { exact: true }).first().isVisible()).resolves.toBe(true)
    await page.screenshot({ path: screenshotPath('admin-webhook-dead'), fullPage: true })
    await page.close()
  })

  it('applies the same access rules through GraphQL: the public sees no drafts and no subjects', async () => {
    const graphql = async (query: string) => {
      const res = await fetch(`${base}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
      return (await res.json()) as { data?: Record<string, { docs: Record<string, unknown>[] } | null>; errors?: unknown[] }
    }
    const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) })
    const { token } = (await login.json()) as { token: string }
    const { docs: policies } = (await (await fetch(`${base}/api/policies`)).json()) as { docs: { id: number }[] }
    const draft = await fetch(`${base}/api/policy-versions?draft=true`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ policy: policies[0].id, changeClass: 'editorial', summary: 'A draft the public must not see' }),
    })
    expect(draft.status).toBe(201)
    const versions = await graphql('{ PolicyVersions(draft: true, limit: 50) { docs { _status version summary } } }')
    expect(JSON.stringify(versions)).not.toContain('A draft the public must not see')
    expect(versions.data?.PolicyVersions?.docs.length).toBeGreaterThan(0)
    expect(new Set(versions.data?.PolicyVersions?.docs.map((d) => d._status))).toEqual(new Set(['published']))
    const subjects = await graphql('{ Subjects { docs { email } } }')
    expect(subjects.data?.Subjects ?? null).toBeNull()
    expect(subjects.errors).toBeDefined()
    const ledger = await graphql('{ LedgerEntries { docs { body } } }')
    expect(ledger.data?.LedgerEntries ?? null).toBeNull()
  })
})
