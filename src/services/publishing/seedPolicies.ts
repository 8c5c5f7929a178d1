import { readFile } from 'node:fs/promises'

import type { Payload } from 'payload'

import { IMPORT_CONTEXT_FLAG } from './freezeVersion'
import { markdownToBody } from './lexicalMarkdown'
import { withTransaction } from '../../store/withTransaction'

const content = (name: string) => readFile(new URL(`../../seed/content/${name}.md`, import.meta.url), 'utf8')
const DAY_MS = 24 * 60 * 60 * 1000

/** Midnight UTC `days` days after `from`: a clean date for a legal notice. */
const daysAfter = (from: Date, days: number) =>
  new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()) + days * DAY_MS)

/**
 * The demo content of a new install, in one transaction: the privacy policy (version 1 as it was
 * effective on 2020-02-10, and a material version 2 taking effect after its notice period), and
 * terms of service. Does nothing when any policy exists.
 */
export async function seedPolicies(payload: Payload, now = new Date()): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'policies' })
  if (totalDocs > 0) return false
  const [privacy1, privacy2, terms1] = await Promise.all([content('privacy-1'), content('privacy-2'), content('terms-1')])
  const body = (markdown: string) => markdownToBody(payload.config, markdown) as Promise<never>

  await withTransaction(payload, async (req) => {
    const privacy = await payload.create({
      collection: 'policies',
      data: { title: 'Privacy Policy', slug: 'privacy', acceptanceMode: 'continued-use', noticePeriodDays: 30, bundle: 'account' },
      req,
    })
    const terms = await payload.create({
      collection: 'policies',
      data: { title: 'Terms of Service', slug: 'terms', acceptanceMode: 'clickwrap', noticePeriodDays: 30, bundle: 'account' },
      req,
    })
    const imported = { ...req.context, [IMPORT_CONTEXT_FLAG]: true }
    await payload.create({
      collection: 'policy-versions',
      data: { policy: privacy.id, changeClass: 'material', summary: 'First published version of the Privacy Policy.', effectiveAt: '2020-02-10T00:00:00.000Z', body: await body(privacy1), _status: 'published' },
      req,
      context: imported,
    })
    await payload.create({
      collection: 'policy-versions',
      data: { policy: terms.id, changeClass: 'material', summary: 'First published version of the Terms of Service.', effectiveAt: '2020-02-10T00:00:00.000Z', body: await body(terms1), _status: 'published' },
      req,
      context: imported,
    })
    await payload.create({
      collection: 'policy-versions',
      data: {
        policy: privacy.id,
        changeClass: 'material',
        summary: 'Adds how long we keep your data, names our sub-processors, explains safeguards for transfers out of the EU and UK, and updates how to reach us.',
        effectiveAt: daysAfter(now, 31).toISOString(),
        body: await body(privacy2),
        _status: 'published',
      },
      req,
      // Published now, not imported: it is announced to the subjects there are (Payload keeps
      // the context of earlier calls on a shared req, so say so).
      context: { ...req.context, [IMPORT_CONTEXT_FLAG]: false },
    })
  })
  return true
}
