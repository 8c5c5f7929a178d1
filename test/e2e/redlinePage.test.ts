import { describe, expect, it } from 'vitest'

import { IMPORT_CONTEXT_FLAG } from '../../src/services/publishing/freezeVersion'
import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser'
import { makePolicy, makeVersion } from '../support/fixtures'
import { beforeAllTests } from '../support/beforeAllTests'
import { startTestApp } from '../support/testApp'

if (browserUnavailable) console.log(`Redline browser tests skipped: ${browserUnavailable}.`)

const BEFORE = `# Terms of Service

## A. Definitions

| Section | What can you find there? |
| --- | --- |
| [A. Definitions](#a-definitions) | Some *basic* terms, defined in a way that will help you understand this agreement. |
| B. Account Terms | The **requirements** for creating an account. |
| C. Payment | Fees and refunds. |

## B. Sub-processors

We answer data requests within 30 days. See the [list of sub-processors](https://example.com/legal/sub-processors-2020-01-01-with-a-long-address-that-must-wrap) for who helps us.
`

const TABLE = `| Section | What can you find there? | Since |
| --- | --- | --- |
| [A. Definitions](#a-definitions) | Some *basic* terms, defined in a way that will help you understand this agreement. | 2020 |
| B. Account Terms | The **requirements** for creating and keeping an account. | 2021 |
| D. Acceptable Use | What you may not do. | 2022 |`
const REQUESTS = 'We answer privacy requests within 30 days. See the [list of sub-processors](https://example.com/legal/sub-processors-2026-12-01-with-a-long-address-that-must-wrap) for who helps us.'

const AFTER = `# Terms of Service\n\n## A. Definitions\n\n${TABLE}\n\n## B. Sub-processors\n\n${REQUESTS}\n`

/** Version 3: the paragraph of section B moved, unchanged, to the top of section A. */
const MOVED = `# Terms of Service\n\n## A. Definitions\n\n${REQUESTS}\n\n${TABLE}\n\n## B. Sub-processors\n\nOur sub-processors are listed on their own page.\n`

describe.skipIf(browserUnavailable)('a redline of a table change, a link change and a moved paragraph, in Chromium', () => {
  const setup = beforeAllTests(async (closeAfter) => {
    const app = closeAfter(await startTestApp())
    const bodyOf = async (markdown: string) => (await makeVersion(app.payload, (await makePolicy(app.payload)).id, {}, markdown)).body
    const policy = await makePolicy(app.payload, { title: 'Terms of Service' })
    for (const [n, markdown] of [BEFORE, AFTER, MOVED].entries()) {
      await app.payload.create({
        collection: 'policy-versions',
        data: { policy: policy.id, changeClass: 'material', summary: `Revision ${n + 1}.`, effectiveAt: new Date(Date.UTC(2021, n, 1)).toISOString(), body: (await bodyOf(markdown)) as never, _status: 'published' },
        context: { [IMPORT_CONTEXT_FLAG]: true },
      })
    }
    return {
      url: `${app.baseUrl}/legal/${policy.slug}/compare/1/2`,
      movedUrl: `${app.baseUrl}/legal/${policy.slug}/compare/2/3`,
      browser: closeAfter(await launchBrowser()),
    }
  })

  for (const [name, width] of [['desktop', 1280], ['phone', 390]] as const) {
    it(`shows the table as a table and the link as a link, marks inside, on a ${width} px screen`, async () => {
      const page = await setup.browser.newPage({ viewport: { width, height: 900 } })
      try {
        await page.goto(setup.url)
        const table = page.locator('.redline-inline table')
        await expect(table.locator('th').allInnerTexts()).resolves.toEqual(['Section', 'What can you find there?', 'Since'])
        await expect(table.locator('th.rl-ins ins').innerText()).resolves.toBe('Since')
        await expect(table.locator('tr.rl-del td').first().innerText()).resolves.toBe('C. Payment')
        await expect(table.locator('tr.rl-ins td').first().innerText()).resolves.toBe('D. Acceptable Use')
        await expect(table.locator('td', { hasText: 'requirements' }).locator('ins').innerText()).resolves.toMatch(/^\s*and keeping\s*$/)
        await expect(table.locator('strong', { hasText: 'requirements' }).count()).resolves.toBe(1)
        await expect(page.locator('.redline-inline a[href*="2020-01-01"] del').innerText()).resolves.toBe('list of sub-processors')
        await expect(page.locator('.redline-inline a[href*="2026-12-01"] ins').innerText()).resolves.toBe('list of sub-processors')
        await expect(page.locator('.redline-inline').innerText()).resolves.not.toMatch(/\||\]\(|requestsprivacy/)
        // The table's own link to a heading goes to that heading, as on the version page.
        await expect(page.locator('.redline-inline h2#a-definitions').count()).resolves.toBe(1)
        await expect(page.locator('.rl-sections li').allInnerTexts()).resolves.toEqual(['A. Definitions (1 change)', 'B. Sub-processors (1 change)'])
        await page.screenshot({ path: screenshotPath(`redline-table-link-${name}`), fullPage: true })
        await page.locator('.rl-sections a', { hasText: 'B. Sub-processors' }).click()
        expect(new URL(page.url()).hash).toBe('#rl-change-2')
        await expect(page.locator('#rl-change-2').isVisible()).resolves.toBe(true)
      } finally {
        await page.close()
      }
    })
  }

  for (const [name, width] of [['desktop', 1280], ['phone', 390]] as const) {
    it(`shows a moved paragraph once where it was and once where it is, each saying so, on a ${width} px screen`, async () => {
      const page = await setup.browser.newPage({ viewport: { width, height: 900 } })
      try {
        await page.goto(setup.movedUrl)
        const [from, here] = [page.locator('.redline-inline .rl-moved', { hasText: 'moved from here' }), page.locator('.redline-inline .rl-moved', { hasText: 'moved here' }).filter({ hasNotText: 'moved from here' })]
        await expect(from.count()).resolves.toBe(1)
        await expect(here.count()).resolves.toBe(1)
        for (const copy of [from, here]) await expect(copy.innerText()).resolves.toContain('We answer privacy requests within 30 days')
        // Where it is now comes first, in section A, above the table; where it was, in section B.
        const top = async (locator: typeof from) => (await locator.boundingBox())!.y
        expect(await top(here)).toBeLessThan(await top(page.locator('.redline-inline table')))
        expect(await top(from)).toBeGreaterThan(await top(page.locator('.redline-inline h2#b-sub-processors')))
        await expect(page.locator('.redline-inline ins', { hasText: 'Our sub-processors are listed on their own page.' }).count()).resolves.toBe(1)
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
        await page.screenshot({ path: screenshotPath(`redline-moved-${name}`), fullPage: true })
      } finally {
        await page.close()
      }
    })
  }

  it('shows the same marks side by side, the earlier version on the left', async () => {
    const page = await setup.browser.newPage({ viewport: { width: 1280, height: 900 } })
    try {
      await page.goto(`${setup.url}?view=side`)
      const [left, right] = [page.locator('table.redline-side > tbody > tr.rl-changed > td:nth-child(1)'), page.locator('table.redline-side > tbody > tr.rl-changed > td:nth-child(2)')]
      await expect(left.locator('tr.rl-del').count()).resolves.toBe(1)
      await expect(left.locator('ins').count()).resolves.toBe(0)
      await expect(right.locator('tr.rl-ins').count()).resolves.toBe(1)
      await expect(right.locator('del').count()).resolves.toBe(0)
      await page.screenshot({ path: screenshotPath('redline-table-link-side'), fullPage: true })
    } finally {
      await page.close()
    }
  })
})
