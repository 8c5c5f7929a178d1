import express, { type Router } from 'express'
import type { Payload } from 'payload'

import { supersededBeforeEffect } from '../../domain/supersededBeforeEffect'
import { AssentError } from '../../errors/AssentError'
import { compareVersions } from '../../services/legalCenter/compareVersions'
import { findPolicyKey } from '../../services/policies/findPolicyBySlug'
import { findPublishedVersion } from '../../services/legalCenter/findPublishedVersion'
import { findVersion } from '../../services/legalCenter/findVersion'
import type { ImmutableCache } from '../immutableCache'
import type { Redlines } from '../../services/redline/redlines'
import { listPolicies } from '../../services/policies/listPolicies'
import { policyTimeline } from '../../services/policies/policyTimeline'
import { toPublishedVersionView } from '../../services/legalCenter/publishedVersionView'
import { toVersionSummaryView } from '../../services/legalCenter/versionViews'
import { instantParam, versionParam } from '../params'
import { redirectFormerSlug } from '../redirectFormerSlug'
import { sendCached } from '../sendCached'

const policyView = (p: { slug: string; title: string; acceptanceMode: string; noticePeriodDays: number; bundle?: string | null }) => ({
  slug: p.slug,
  title: p.title,
  acceptanceMode: p.acceptanceMode,
  noticePeriodDays: p.noticePeriodDays,
  bundle: p.bundle ?? null,
})

/** The public JSON twins of the Legal Center pages, under `/api/v1/policies`. */
export function policiesApi(payload: Payload, cache: ImmutableCache, redlines: Redlines): Router {
  const router = express.Router()
  router.param('slug', redirectFormerSlug(payload))

  router.get('/', async (_req, res) => {
    const listings = await listPolicies(payload, new Date())
    res.json({
      policies: listings.map(({ policy, inForce, upcoming, history }) => ({ ...policyView(policy), inForce: inForce ? toVersionSummaryView(inForce, history) : null, upcoming: upcoming.map((v) => toVersionSummaryView(v, history)) })),
    })
  })

  router.get('/:slug', async (req, res) => {
    const { policy, inForce, upcoming, history } = await policyTimeline(payload, req.params.slug, new Date())
    res.json({ ...policyView(policy), inForce: inForce ? toVersionSummaryView(inForce, history) : null, upcoming: upcoming.map((v) => toVersionSummaryView(v, history)) })
  })

  router.get('/:slug/versions', async (req, res) => {
    const { policy, history } = await policyTimeline(payload, req.params.slug, new Date())
    res.json({ policy: policy.slug, versions: history.map((v) => toVersionSummaryView(v, history)) })
  })

  router.get('/:slug/versions/:version', async (req, res) => {
    const number = versionParam(req.params.version, 'version')
    // Keyed by the policy's id as well as its slug: a cached answer is never another policy's text.
    const { policy: { id, slug }, version: ref, history } = await findPublishedVersion(payload, req.params.slug, number)
    // Whether a later version superseded it before its date is the one fact publishing can still add.
    const supersededBy = supersededBeforeEffect(history, ref)?.version ?? null
    const entry = await cache.get(`json:version:${id}:${slug}:${number}:${supersededBy}`, async () => {
      const { policy, version } = await findVersion(payload, slug, number)
      return JSON.stringify({ ...toPublishedVersionView(policy.slug, version), supersededBeforeEffectBy: supersededBy })
    })
    // As briefly as the page: a later publication can still mark it superseded.
    sendCached(req, res, entry, 'json')
  })

  router.get('/:slug/in-force', async (req, res) => {
    const at = instantParam(req.query.at, 'at')
    const { policy, inForce } = await policyTimeline(payload, req.params.slug, at)
    if (!inForce) throw new AssentError('version_not_found', `No version of ${policy.title} was in force at ${at.toISOString()}.`)
    const { version } = await findVersion(payload, policy.slug, inForce.version)
    res.json({ at: at.toISOString(), ...toPublishedVersionView(policy.slug, version) })
  })

  router.get('/:slug/diff', async (req, res) => {
    const from = versionParam(req.query.from, 'from')
    const to = versionParam(req.query.to, 'to')
    const { id, slug } = await findPolicyKey(payload, req.params.slug)
    const entry = await cache.get(`json:diff:${id}:${slug}:${from}:${to}`, async () => {
      const { policy, from: a, to: b, redline } = await compareVersions(payload, redlines, slug, from, to, 'diff')
      // The blocks come as JSON from the redline thread: only the head is serialised here.
      const head = JSON.stringify({ policy: policy.slug, from, to, fromHash: a.contentHash, toHash: b.contentHash, changes: redline.changes })
      return Buffer.concat([Buffer.from(`${head.slice(0, -1)},"blocks":`), redline.body, Buffer.from('}')])
    })
    sendCached(req, res, entry, 'json', 3600)
  })

  return router
}
