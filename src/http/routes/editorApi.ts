import express, { type Router } from 'express'
import type { Payload } from 'payload'

import type { AssentEnv } from '../../config/env'
import { approveVersion } from '../../services/editing/approveVersion'
import { draftPreview } from '../../services/editing/draftPreview'
import { draftRedline } from '../../services/editing/draftRedline'
import { publishDraft } from '../../services/editing/publishDraft'
import { publishingPlan } from '../../services/editing/publishingPlan'
import { startRevision } from '../../services/editing/startRevision'
import type { Redlines } from '../../services/redline/redlines'
import { redlineText } from '../../services/redline/renderRedline'
import { requireJsonBody } from '../requireJsonBody'
import { previewChoices } from '../schemas/previewChoices'
import { publishDraftSchema } from '../schemas/publishDraft'
import { redlineRequestSchema } from '../schemas/redlineRequest'
import { versionTranslations } from '../../services/editing/versionTranslations'
import { staffUser } from '../staffUser'
import type { PageRenderer } from '../../render/pageRenderer'
import { withoutRepeatedTitle } from '../../domain/withoutRepeatedTitle'

/** Previews are Assent's own markup and stylesheet, framed by the admin's publish dialog only. */
const PREVIEW_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

/**
 * What the admin's editing screens call, for staff logged in to the admin (cookie or
 * `Authorization: JWT`): start a revision, the redline while drafting, the publish dialog's plan,
 * previews, a second editor's approval, and publishing.
 */
export function editorApi(payload: Payload, env: AssentEnv, pages: PageRenderer, redlines: Redlines): Router {
  const router = express.Router()
  const version = (id: unknown) => String(id)

  router.post('/policies/:slug/revisions', requireJsonBody, async (req, res) => {
    const user = await staffUser(payload, req)
    const revision = await startRevision(payload, user, String(req.params.slug))
    res.status(revision.created ? 201 : 200).json({ ...revision, editUrl: `/admin/collections/policy-versions/${revision.id}` })
  })

  router.post('/policy-versions/:id/redline', requireJsonBody, async (req, res) => {
    const user = await staffUser(payload, req)
    const { body, locale } = redlineRequestSchema.parse(req.body ?? {})
    const { basedOn, redline } = await draftRedline(payload, redlines, user, version(req.params.id), body, locale)
    res.set('cache-control', 'no-store').json({ basedOn, changes: redline.changes, html: redlineText(redline) })
  })

  router.get('/policy-versions/:id/translations', async (req, res) => {
    const user = await staffUser(payload, req)
    res.set('cache-control', 'no-store').json(await versionTranslations(payload, user, version(req.params.id)))
  })

  router.get('/policy-versions/:id/publishing-plan', async (req, res) => {
    const user = await staffUser(payload, req)
    res.set('cache-control', 'no-store').json(await publishingPlan(payload, user, version(req.params.id)))
  })

  router.post('/policy-versions/:id/approval', requireJsonBody, async (req, res) => {
    const user = await staffUser(payload, req)
    res.status(201).json(await approveVersion(payload, user, version(req.params.id)))
  })

  router.post('/policy-versions/:id/publish', requireJsonBody, async (req, res) => {
    const user = await staffUser(payload, req)
    const choices = publishDraftSchema.parse(req.body ?? {})
    const published = await publishDraft(payload, user, version(req.params.id), choices)
    res.status(201).location(`/api/v1/policies/${published.policy}/versions/${published.version}`).json(published)
  })

  router.get('/policy-versions/:id/page-preview', async (req, res) => {
    const user = await staffUser(payload, req)
    const preview = await draftPreview(payload, user, version(req.params.id), env.publicUrl, previewChoices(req.query))
    const html = pages.render('version', {
      title: `${preview.policy.title}, version ${preview.version.version} (preview)`,
      policy: preview.policy,
      version: { ...preview.version, html: withoutRepeatedTitle(preview.version.html, preview.policy.title) },
      status: 'preview',
      statusText: `Preview: version ${preview.version.version} is not published. Once published, it will read like this.`,
    })
    res.set('cache-control', 'no-store').set('content-security-policy', PREVIEW_CSP).type('html').send(html)
  })

  router.get('/policy-versions/:id/banner-preview', async (req, res) => {
    const user = await staffUser(payload, req)
    const preview = await draftPreview(payload, user, version(req.params.id), env.publicUrl, previewChoices(req.query))
    const html = pages.render('banner-preview', { title: `Login banner for ${preview.policy.title} (preview)`, policy: preview.policy, version: preview.version.version, banner: preview.banner, mustAccept: preview.mustAccept })
    res.set('cache-control', 'no-store').set('content-security-policy', PREVIEW_CSP).type('html').send(html)
  })

  return router
}
