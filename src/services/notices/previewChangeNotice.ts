import type { Payload, TypedUser } from 'payload'

import { AssentError } from '../../errors/AssentError'
import type { PreviewChoices } from '../editing/draftPreview'
import { latestPublished } from '../editing/latestPublished'
import { siteLanguages } from '../locales/siteLanguages'
import { changeNoticeContext } from '../../mail/changeNoticeContext'
import { renderChangeNotice, type RenderedMail } from '../../render/renderChangeNotice'
import type { Policy } from '../../payload-types'

/** A stand-in recipient's name for previews. */
const SAMPLE_NAME = 'Alex Example'

/**
 * The change-notice email of a version as a subject will get it, for staff to read before
 * publishing: the latest saved draft (autosave keeps it current), the version number it will
 * receive, its effective date (publication time when none is set yet), as a subject who accepted
 * the version before it reads it (one who skipped versions is also shown those, see
 * `noticeChanges`). `choices` (the publish
 * dialog's, not saved yet) take the place of the saved values. Editorial versions send no email,
 * so there is nothing to preview.
 */
export async function previewChangeNotice(payload: Payload, user: TypedUser, versionId: string, publicUrl: string, siteName: string, choices: PreviewChoices = {}): Promise<RenderedMail> {
  const version = await payload
    .findByID({ collection: 'policy-versions', id: versionId, draft: true, depth: 1, user, overrideAccess: false })
    .catch(() => undefined)
  if (!version) throw new AssentError('version_not_found', `No policy version with id ${versionId}.`)
  const changeClass = choices.changeClass ?? version.changeClass
  if (changeClass === 'editorial') {
    throw new AssentError('nothing_to_preview', 'Editorial versions are published without notice: no email is sent.')
  }
  const policy = version.policy as Policy
  const number = version.version ?? ((await latestPublished(payload, policy.id))?.version ?? 0) + 1
  const facts = {
    policySlug: policy.slug,
    policyTitle: policy.title,
    acceptanceMode: policy.acceptanceMode,
    version: number,
    changeClass: changeClass ?? 'informational',
    summary: choices.summary || version.summary || '(write the summary: it is what the email says changed)',
    effectiveAt: choices.effectiveAt ?? new Date(version.effectiveAt ?? Date.now()),
  }
  // The draft is written in the site's default language: so is the preview.
  const languages = await siteLanguages(payload)
  return renderChangeNotice(changeNoticeContext(facts, { name: SAMPLE_NAME, locale: languages.defaultLocale }, publicUrl, siteName, undefined, languages))
}
