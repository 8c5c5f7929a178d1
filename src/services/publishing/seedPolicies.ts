import { readFile } from 'node:fs/promises'

import type { Payload } from 'payload'

import { IMPORT_CONTEXT_FLAG } from './freezeVersion'
import { markdownToBody } from './lexicalMarkdown'
import { withTransaction } from '../../store/withTransaction'
import { siteLanguages } from '../locales/siteLanguages'

const content = (name: string) => readFile(new URL(`../../seed/content/${name}.md`, import.meta.url), 'utf8')
const DAY_MS = 24 * 60 * 60 * 1000

/** Midnight UTC `days` days after `from`: a clean date for a legal notice. */
const daysAfter = (from: Date, days: number) =>
  new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()) + days * DAY_MS)

/**
 * The demo content of a new install, in one transaction: the privacy policy (version 1 as it was
 * effective on 2020-02-10, and a material version 2 taking effect after its notice period), each
 * in English and French, and terms of service in English. The demo is written in English, so the
 * site's default language becomes English and French is offered. Does nothing when any policy
 * exists.
 */
export async function seedPolicies(payload: Payload, now = new Date()): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'policies' })
  if (totalDocs > 0) return false
  const [privacy1, privacy2, terms1, privacy1fr, privacy2fr] = await Promise.all(['privacy-1', 'privacy-2', 'terms-1', 'privacy-1.fr', 'privacy-2.fr'].map(content))
  const body = (markdown: string) => markdownToBody(payload.config, markdown) as Promise<never>

  await withTransaction(payload, async (req) => {
    const offered = (await siteLanguages(payload, req)).locales
    await payload.updateGlobal({ slug: 'site-languages', data: { defaultLocale: 'en', locales: [...new Set(['en', ...offered, 'fr'])].join(', ') }, req })
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
    // Each privacy version is drafted, its French translation marked ready, then published: the
    // translation is frozen with it, as an editor's would be.
    const publishWithFrench = async (data: Record<string, unknown>, french: { summary: string; markdown: string }, context: typeof imported) => {
      const draft = await payload.create({ collection: 'policy-versions', data: { ...data, _status: 'draft' } as never, req, draft: true })
      await payload.create({ collection: 'version-translations', data: { version: draft.id, locale: 'fr', summary: french.summary, body: await body(french.markdown), _status: 'published' }, req })
      await payload.update({ collection: 'policy-versions', id: draft.id, data: { _status: 'published' }, req, context })
    }
    await publishWithFrench(
      { policy: privacy.id, changeClass: 'material', summary: 'First published version of the Privacy Policy.', effectiveAt: '2020-02-10T00:00:00.000Z', body: await body(privacy1) },
      { summary: 'Première version publiée de la Politique de confidentialité.', markdown: privacy1fr },
      imported,
    )
    await payload.create({
      collection: 'policy-versions',
      data: { policy: terms.id, changeClass: 'material', summary: 'First published version of the Terms of Service.', effectiveAt: '2020-02-10T00:00:00.000Z', body: await body(terms1), _status: 'published' },
      req,
      context: imported,
    })
    await publishWithFrench(
      {
        policy: privacy.id,
        changeClass: 'material',
        summary: 'Adds how long we keep your data, names our sub-processors, explains safeguards for transfers out of the EU and UK, and updates how to reach us.',
        effectiveAt: daysAfter(now, 31).toISOString(),
        body: await body(privacy2),
      },
      {
        summary: 'Précise combien de temps nous conservons vos données, nomme nos sous-traitants, explique les garanties des transferts hors de l\'UE et du Royaume-Uni, et met à jour nos coordonnées.',
        markdown: privacy2fr,
      },
      // Published now, not imported: it is announced to the subjects there are (Payload keeps
      // the context of earlier calls on a shared req, so say so).
      { ...req.context, [IMPORT_CONTEXT_FLAG]: false },
    )
  })
  return true
}
