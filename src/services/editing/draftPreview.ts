import type { Payload, TypedUser } from 'payload'

import { mustAcceptAgain, type ChangeClass } from '../../domain/changeClass'
import { contentHash } from '../../domain/contentHash'
import { legalLinks } from '../../domain/legalLinks'
import { renderHtml } from '../../domain/renderHtml'
import type { Policy } from '../../payload-types'
import { renderBanner, type RenderedBanner } from '../../render/renderBanner'
import { siteLanguages } from '../locales/siteLanguages'
import { draftText } from './draftText'
import { findDraft } from './findDraft'
import { latestPublished } from './latestPublished'

/** What a preview shows instead of the saved draft's values: the publish dialog's choices. */
export interface PreviewChoices {
  changeClass?: ChangeClass
  summary?: string
  effectiveAt?: Date
}

/** A draft as the public page and the login banner would show it once published. */
export interface DraftPreview {
  policy: Policy
  version: { version: number; changeClass: string; summary: string; effectiveAt: Date; publishedAt: Date; contentHash: string; html: string }
  previous: number | null
  /** Whether the banner asks people to accept (rather than acknowledge) the version. */
  mustAccept: boolean
  banner: RenderedBanner | null
}

/**
 * Previews of draft `id` for its editor: the version page and the banner, with the number it
 * will receive and the publish dialog's `choices` (change class, summary, effective date) over
 * the draft's saved values (effective date: else now).
 */
export async function draftPreview(payload: Payload, user: TypedUser, id: string, publicUrl: string, choices: PreviewChoices = {}): Promise<DraftPreview> {
  const { version, policy } = await findDraft(payload, user, id, { unpublished: true })
  const latest = await latestPublished(payload, policy.id)
  const text = await draftText(payload.config, version.body)
  const number = (latest?.version ?? 0) + 1
  const now = new Date()
  const effective = choices.effectiveAt ?? (version.effectiveAt ? new Date(version.effectiveAt) : now)
  const changeClass = choices.changeClass ?? version.changeClass ?? 'informational'
  const summary = choices.summary || version.summary || '(the summary you write tells people what changed)'
  const links = legalLinks(publicUrl, policy.slug, number, latest?.version)
  const mustAccept = mustAcceptAgain(changeClass, policy.acceptanceMode)
  const settings = changeClass === 'editorial' ? undefined : await payload.findGlobal({ slug: 'banner-template', depth: 0 })
  const { defaultLocale } = await siteLanguages(payload)
  // The draft is written in the site's default language: the banner is shown in it.
  const banner = settings && renderBanner(settings, [{
    policyTitle: policy.title,
    version: number,
    action: mustAccept ? 'accept' : 'acknowledge',
    summary,
    effectiveDate: effective.toISOString().slice(0, 10),
    upcoming: effective > now,
    hasPrevious: latest != null,
    // As a subject who accepted the version before sees it.
    since: latest?.version ?? null,
    redlineUrl: links.changesUrl,
    versionUrl: links.versionUrl,
    changes: [],
  }], { locale: defaultLocale, defaultLocale })
  return {
    policy,
    version: { version: number, changeClass, summary, effectiveAt: effective, publishedAt: now, contentHash: contentHash(text), html: renderHtml(text) },
    previous: latest?.version ?? null,
    mustAccept,
    banner: banner || null,
  }
}
