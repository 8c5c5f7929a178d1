import { describe, expect, it } from 'vitest'

import { publishFromMarkdown } from '../../src/services/publishing/publishFromMarkdown'
import { createCheckpoint } from '../../src/services/ledger/createCheckpoint'
import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { makePolicy } from '../support/fixtures'
import { startSeededTestApp } from '../support/startSeededTestApp'
import { beforeAllTests } from '../support/beforeAllTests'

if (browserUnavailable) console.log(`Any-screen browser tests skipped: ${browserUnavailable}.`)

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }

const longUrl = `https://example.com/legal/sub-processors/${'very-long-path-segment-'.repeat(12)}end?utm_source=${'x'.repeat(80)}`
const longWord = `Rechtsschutzversicherungsgesellschaftenvertragsbedingungenzusatzvereinbarung${'s'.repeat(40)}`
const wideTable = [
  '| Category of personal data | Purpose of processing | Legal basis | Retention period | Recipients | Transfers outside the EEA |',
  '| --- | --- | --- | --- | --- | --- |',
  '| Account identifiers and contact details | Providing the service and support | Contract, Article 6(1)(b) | Life of the account plus 24 months | Hosting providers and support tools | Standard contractual clauses |',
  `| Usage logs | Security monitoring | Legitimate interests | 13 months | ${longWord} | None |`,
].join('\n')

const version1 = ['# Data Processing Terms', '', 'We process your data as described below.', '', wideTable, '', `Our sub-processors are listed at <${longUrl}>.`, '', `A [long link](${longUrl}) and a long word: ${longWord}.`].join('\n')
const version2 = version1.replace('We process your data', 'We process and protect your data').replace('13 months', '12 months').replace('A [long link]', 'A [longer link]')

describe.skipIf(browserUnavailable)('every public page on a 390 px wide screen', () => {
  const setup = beforeAllTests(async (closeAfter) => {
    const app = closeAfter(await startSeededTestApp())
    const admin = await app.payload.create({ collection: 'users', data: { email: 'any-screen-admin@example.com', password: 'long-enough-password', role: 'admin' } })
    const policy = await makePolicy(app.payload, { title: 'Data Processing Terms', slug: 'data-processing', noticePeriodDays: 0 })
    const user = { ...admin, collection: 'users' } as never
    await publishFromMarkdown(app.payload, user, policy.slug as string, { markdown: version1, changeClass: 'editorial', summary: `First version, with its sub-processors at ${longUrl}` })
    await publishFromMarkdown(app.payload, user, policy.slug as string, { markdown: version2, changeClass: 'editorial', summary: `Clarifies retention; ${longWord}` })
    await createCheckpoint(app.payload)
    const browser = closeAfter(await launchBrowser())
    return { app, phone: await browser.newPage({ viewport: PHONE }), desktop: await browser.newPage({ viewport: DESKTOP }) }
  })

  const pages = [
    { name: 'index', path: '/legal' },
    { name: 'policy', path: '/legal/data-processing' },
    { name: 'versions', path: '/legal/data-processing/versions' },
    { name: 'seeded-versions', path: '/legal/privacy/versions' },
    { name: 'version', path: '/legal/data-processing/versions/2' },
    { name: 'compare-inline', path: '/legal/data-processing/compare/1/2' },
    { name: 'compare-side', path: '/legal/data-processing/compare/1/2?view=side' },
    { name: 'seeded-compare-side', path: '/legal/privacy/compare/1/2?view=side' },
    { name: 'not-found', path: '/legal/no-such-policy' },
    { name: 'api-docs', path: '/api/v1/docs' },
    { name: 'checkpoints', path: '/api/v1/ledger/checkpoints' },
    { name: 'checkpoints-feed', path: '/api/v1/ledger/checkpoints.atom' },
    { name: 'feed', path: '/legal/data-processing/feed.atom' },
  ]

  it.each(pages)('$name ($path) fits 390 px', async ({ name, path }) => {
    const url = `${setup.app.baseUrl}${path}`
    await setup.phone.goto(url)
    const size = await setup.phone.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])
    // A full-page screenshot of a very long page (the API reference) takes longer than a test may.
    await setup.phone.screenshot({ path: screenshotPath(`any-screen-390-${name}`), fullPage: size[1] < 12_000 })
    if (name === 'api-docs') {
      await setup.phone.locator('main table').first().scrollIntoViewIfNeeded()
      await setup.phone.screenshot({ path: screenshotPath('any-screen-390-api-docs-parameters') })
    }
    await setup.desktop.goto(url)
    await setup.desktop.screenshot({ path: screenshotPath(`any-screen-desktop-${name}`), fullPage: size[1] < 12_000 })
    expect(size[0], `${name} is ${size[0]} px wide`).toBeLessThanOrEqual(PHONE.width)
  })

  it('shows side by side on a wide screen and falls back to inline on a narrow one, saying so', async () => {
    const url = `${setup.app.baseUrl}/legal/data-processing/compare/1/2?view=side`
    await setup.desktop.goto(url)
    await expect(setup.desktop.locator('table.redline-side').isVisible()).resolves.toBe(true)
    await expect(setup.desktop.getByText('too narrow for two columns').isVisible()).resolves.toBe(false)
    await setup.phone.goto(url)
    await expect(setup.phone.locator('table.redline-side').isVisible()).resolves.toBe(false)
    await expect(setup.phone.getByText('This screen is too narrow for two columns side by side, so the changes are shown inline.').isVisible()).resolves.toBe(true)
    await expect(setup.phone.locator('.narrow-only del', { hasText: '13' }).first().isVisible()).resolves.toBe(true)
    await expect(setup.phone.locator('.narrow-only ins', { hasText: '12' }).first().isVisible()).resolves.toBe(true)
    // Its links lead to its own changes, not to the hidden table's.
    await setup.phone.getByText('Go to the first change').locator('visible=true').click()
    expect(setup.phone.url()).toMatch(/#narrow-rl-change-1$/)
    await expect(setup.phone.locator('#narrow-rl-change-1').isVisible()).resolves.toBe(true)
  })

  it('lists every version with its summary and compare link inside a narrow screen', async () => {
    await setup.phone.goto(`${setup.app.baseUrl}/legal/data-processing/versions`)
    for (const selector of ['td[data-label="Summary"]', 'td[data-label="Compare"] a']) {
      const box = await setup.phone.locator(selector).first().boundingBox()
      expect(box, selector).not.toBeNull()
      expect(box!.x + box!.width, selector).toBeLessThanOrEqual(PHONE.width)
    }
    await expect(setup.phone.locator('td[data-label="Summary"]').first().textContent()).resolves.toContain('Clarifies retention')
    // On a desktop the long summary takes the room it needs from no other column: no heading breaks.
    await setup.desktop.goto(`${setup.app.baseUrl}/legal/data-processing/versions`)
    const headings = await setup.desktop.locator('table.versions th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().height))
    expect(Math.max(...headings)).toBeLessThan(40)
  })
})
