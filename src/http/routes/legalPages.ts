import express, { type ErrorRequestHandler, type Router } from 'express'
import type { Payload } from 'payload'

import { replacedBeforeEffect } from '../../domain/replacedBeforeEffect'
import { supersededBeforeEffect } from '../../domain/supersededBeforeEffect'
import { versionStatus, type VersionStatus } from '../../domain/versionStatus'
import { compareVersions } from '../../services/legalCenter/compareVersions'
import { findPolicyKey } from '../../services/policies/findPolicyBySlug'
import { findPublishedVersion } from '../../services/legalCenter/findPublishedVersion'
import { findVersion } from '../../services/legalCenter/findVersion'
import type { ImmutableCache } from '../immutableCache'
import type { Redlines } from '../../services/redline/redlines'
import { listPolicies } from '../../services/policies/listPolicies'
import { policyTimeline } from '../../services/policies/policyTimeline'
import type { PublishedVersion } from '../../services/legalCenter/publishedVersions'
import { toErrorBody } from '../middleware/errorHandler'
import { withoutRepeatedTitle } from '../../domain/withoutRepeatedTitle'
import { versionParam } from '../params'
import { redirectFormerSlug } from '../redirectFormerSlug'
import { sendCached } from '../sendCached'
import { spliceParts } from '../../render/spliceParts'
import type { PageRenderer } from '../../render/pageRenderer'

/** What the Legal Center pages are served from. */
export interface LegalPagesParts {
  payload: Payload
  pages: PageRenderer
  cache: ImmutableCache
  /** Computes the compare pages' redlines (off the event loop). */
  redlines: Redlines
}

/** What a version's page says of it; an upcoming version's page says its date (see version.hbs). */
const statusText = (status: VersionStatus, supersededBy: number | undefined): string =>
  ({
    'in-force': 'This is the version in force.',
    upcoming: 'This version has been published and takes effect on',
    superseded: 'This version has been replaced by a later one.',
    'superseded-before-effect': `Superseded before it took effect: version ${supersededBy} replaced it before its effective date, so this version was never in force.`,
  })[status]

/** An upcoming version with the versions it replaces that never take effect. */
const withReplaced = (history: readonly PublishedVersion[]) => (v: PublishedVersion) => ({ ...v, replaces: replacedBeforeEffect(history, v) })

/**
 * The public Legal Center: `/legal` and the pages of each policy. Server-rendered, no client
 * JavaScript; pages of published versions are cached (they never change) with strong ETags.
 */
export function legalPages({ payload, pages, cache, redlines }: LegalPagesParts): Router {
  const router = express.Router()
  router.param('slug', redirectFormerSlug(payload))
  const html = (title: string, page: Parameters<PageRenderer['render']>[0], context: Record<string, unknown>) => pages.render(page, { title, ...context })

  router.get('/assets/legal.css', (_req, res) => {
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=3600').send(pages.stylesheet)
  })

  router.get('/', async (_req, res) => {
    const policies = await listPolicies(payload, new Date())
    res.send(html('Legal documents', 'index', { policies: policies.map(({ policy, inForce, upcoming, history }) => ({ ...policy, inForce, upcoming: upcoming.map(withReplaced(history)) })), feedUrl: '/legal/feed.atom', feedTitle: 'Changes to our legal documents' }))
  })

  router.get('/:slug', async (req, res) => {
    const { policy, inForce, upcoming, history } = await policyTimeline(payload, req.params.slug, new Date())
    const version = inForce && (await findVersion(payload, policy.slug, inForce.version)).version
    res.send(html(policy.title, 'policy', { policy, version: version && { ...version, html: withoutRepeatedTitle(version.html, policy.title), effectiveAt: inForce.effectiveAt }, upcoming: upcoming.map(withReplaced(history)), feedUrl: `/legal/${policy.slug}/feed.atom`, feedTitle: `Changes to the ${policy.title}` }))
  })

  router.get('/:slug/versions', async (req, res) => {
    const now = new Date()
    const { policy, inForce, upcoming, history } = await policyTimeline(payload, req.params.slug, now)
    const versions = history.map((v, i) => ({ ...v, previous: history[i - 1]?.version, inForce: v.version === inForce?.version, upcoming: upcoming.includes(v), supersededBy: supersededBeforeEffect(history, v)?.version, isFrom: i === history.length - 2, isTo: i === history.length - 1 }))
    res.send(html(`${policy.title}: all versions`, 'versions', { policy, versions, canCompare: versions.length > 1, newestFirst: [...versions].reverse(), feedUrl: `/legal/${policy.slug}/feed.atom`, feedTitle: `Changes to the ${policy.title}` }))
  })

  router.get('/:slug/versions/:version', async (req, res) => {
    const number = versionParam(req.params.version, 'version')
    const now = new Date()
    const { policy, version: ref, history } = await findPublishedVersion(payload, req.params.slug, number)
    const index = history.indexOf(ref)
    const status = versionStatus(history, ref, now)
    const supersededBy = supersededBeforeEffect(history, ref)?.version
    const next = history[index + 1]?.version
    // Keyed by the policy's id as well as its slug: a cached page is never another policy's text.
    const entry = await cache.get(`version:${policy.id}:${policy.slug}:${policy.title}:${number}:${status}:${supersededBy}:${next}`, async () => {
      const { version } = await findVersion(payload, policy.slug, number)
      return html(`${policy.title}, version ${number}`, 'version', { policy, version: { ...version, html: withoutRepeatedTitle(version.html, policy.title) }, status, statusText: statusText(status, supersededBy), upcoming: status === 'upcoming', supersededBy, previous: history[index - 1]?.version, next })
    })
    sendCached(req, res, entry, 'html')
  })

  router.get('/:slug/compare', (req, res) => {
    const from = versionParam(req.query.from, 'from')
    const to = versionParam(req.query.to, 'to')
    res.redirect(303, `/legal/${encodeURIComponent(req.params.slug)}/compare/${from}/${to}`)
  })

  router.get('/:slug/compare/:from/:to', async (req, res) => {
    const from = versionParam(req.params.from, 'from')
    const to = versionParam(req.params.to, 'to')
    const sideBySide = req.query.view === 'side'
    const policy = await findPolicyKey(payload, req.params.slug)
    const entry = await cache.get(`compare:${policy.id}:${policy.slug}:${policy.title}:${from}:${to}:${sideBySide ? 'side' : 'inline'}`, async () => {
      const comparison = await compareVersions(payload, redlines, policy.slug, from, to, sideBySide ? 'side' : 'inline')
      // Side by side needs a wide screen: the page carries the inline redline too (rendered with
      // it, off the event loop), which narrow screens show instead (legal.css).
      const { body: redlineHtml, narrowBody: narrowRedlineHtml, changes, coarse } = comparison.redline
      const title = `${comparison.policy.title}: version ${from} → ${to}`
      return spliceParts((parts) => html(title, 'compare', { ...comparison, sideBySide, ...parts, changes, coarse }), { redlineHtml, narrowRedlineHtml })
    })
    sendCached(req, res, entry, 'html', 3600)
  })

  const pageError: ErrorRequestHandler = (error, _req, res, next) => {
    const { status, body } = toErrorBody(error)
    if (status >= 500) return next(error)
    const heading = status === 404 ? 'Not found' : 'That request cannot be answered'
    res.status(status).send(html(heading, 'error', { heading, message: body.error.message }))
  }
  router.use(pageError)
  return router
}
