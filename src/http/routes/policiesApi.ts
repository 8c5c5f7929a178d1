import express, { type Router } from 'express'
import type { Payload } from 'payload'

import { matchLocale } from '../../domain/locale/negotiateLocale'
import { supersededBeforeEffect } from '../../domain/supersededBeforeEffect'
import { AssentError } from '../../errors/AssentError'
import { compareVersions } from '../../services/legalCenter/compareVersions'
import { findPublishedVersion } from '../../services/legalCenter/findPublishedVersion'
import { findVersion } from '../../services/legalCenter/findVersion'
import type { ImmutableCache } from '../immutableCache'
import type { Redlines } from '../../services/redline/redlines'
import { listPolicies } from '../../services/policies/listPolicies'
import { policyTimeline } from '../../services/policies/policyTimeline'
import { localizedVersion } from '../../services/legalCenter/localizedVersion'
import { toLocalizedVersionView } from '../../services/legalCenter/localizedVersionView'
import { toLocaleViews, toVersionSummaryView } from '../../services/legalCenter/versionViews'
import type { PublishedVersion } from '../../services/legalCenter/publishedVersions'
import { instantParam, langQuery, versionParam } from '../params'
import { redirectFormerSlug } from '../redirectFormerSlug'
import { requestReads } from '../requestReads'
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
  const reads = requestReads(payload)
  router.param('slug', redirectFormerSlug(reads))

  const defaultLocale = async (res: express.Response) => (await (await reads(res)).languages()).defaultLocale

  router.get('/', async (_req, res) => {
    const [listings, fallback] = await Promise.all([listPolicies(await reads(res), new Date()), defaultLocale(res)])
    res.json({
      policies: listings.map(({ policy, inForce, upcoming, history }) => ({ ...policyView(policy), inForce: inForce ? toVersionSummaryView(inForce, history, fallback) : null, upcoming: upcoming.map((v) => toVersionSummaryView(v, history, fallback)) })),
    })
  })

  router.get('/:slug', async (req, res) => {
    const [{ policy, inForce, upcoming, history }, fallback] = await Promise.all([policyTimeline(await reads(res), req.params.slug, new Date()), defaultLocale(res)])
    res.json({ ...policyView(policy), inForce: inForce ? toVersionSummaryView(inForce, history, fallback) : null, upcoming: upcoming.map((v) => toVersionSummaryView(v, history, fallback)) })
  })

  router.get('/:slug/versions', async (req, res) => {
    const [{ policy, history }, fallback] = await Promise.all([policyTimeline(await reads(res), req.params.slug, new Date()), defaultLocale(res)])
    res.json({ policy: policy.slug, versions: history.map((v) => toVersionSummaryView(v, history, fallback)) })
  })

  /** Version `ref` of policy `slug` in `lang` (its own text without one), as JSON. */
  const versionIn = async (slug: string, ref: PublishedVersion, lang: string | undefined, fallback: string) => {
    const { policy, version } = await findVersion(payload, slug, ref.version)
    const shown = await localizedVersion(payload, ref, version, lang ?? ref.locale ?? fallback, fallback)
    return toLocalizedVersionView(policy.slug, version, shown, toLocaleViews(ref, fallback))
  }

  router.get('/:slug/versions/:version', async (req, res) => {
    const number = versionParam(req.params.version, 'version')
    const lang = langQuery(req.query.lang)
    // Keyed by the policy's id as well as its slug: a cached answer is never another policy's text.
    const [{ policy: { id, slug }, version: ref, history }, fallback] = await Promise.all([findPublishedVersion(await reads(res), req.params.slug, number), defaultLocale(res)])
    // Whether a later version superseded it before its date is one fact publishing can still add;
    // a translation added later is the other (its texts are in the key).
    const supersededBy = supersededBeforeEffect(history, ref)?.version ?? null
    const texts = toLocaleViews(ref, fallback).map((t) => `${t.locale}=${t.contentHash}`).join(',')
    const entry = await cache.get(`json:version:${id}:${slug}:${number}:${supersededBy}:${lang ?? ''}:${fallback}:${texts}`, async () =>
      JSON.stringify({ ...(await versionIn(slug, ref, lang, fallback)), supersededBeforeEffectBy: supersededBy }),
    )
    // As briefly as the page: a later publication can still mark it superseded.
    sendCached(req, res, entry, 'json')
  })

  router.get('/:slug/in-force', async (req, res) => {
    const at = instantParam(req.query.at, 'at')
    const lang = langQuery(req.query.lang)
    const [{ policy, inForce }, fallback] = await Promise.all([policyTimeline(await reads(res), req.params.slug, at), defaultLocale(res)])
    if (!inForce) throw new AssentError('version_not_found', `No version of ${policy.title} was in force at ${at.toISOString()}.`)
    res.json({ at: at.toISOString(), ...(await versionIn(policy.slug, inForce, lang, fallback)) })
  })

  router.get('/:slug/diff', async (req, res) => {
    const from = versionParam(req.query.from, 'from')
    const to = versionParam(req.query.to, 'to')
    const lang = langQuery(req.query.lang)
    const known = await reads(res)
    const [{ policy: { id, slug }, history }, languages] = await Promise.all([known.policy(req.params.slug), known.languages()])
    const texts = [from, to].map((n) => history.find((v) => v.version === n)).map((v) => (v ? toLocaleViews(v, languages.defaultLocale).map((t) => `${t.locale}=${t.contentHash}`).join(',') : 'none'))
    // Without lang, the texts the versions were published with; with it, both in that locale if both have it.
    const wanted = lang && (matchLocale(lang, languages.locales) ?? lang)
    const entry = await cache.get(`json:diff:${id}:${slug}:${from}:${to}:${wanted ?? ''}:${languages.defaultLocale}:${texts.join('|')}`, async () => {
      const { policy, fromText, toText, locale, localeFallback, redline } = await compareVersions(payload, redlines, slug, from, to, 'diff', { ...(wanted ? { wanted } : {}), defaultLocale: languages.defaultLocale })
      // The blocks come as JSON from the redline thread: only the head is serialised here.
      const head = JSON.stringify({ policy: policy.slug, from, to, locale, localeFallback, fromHash: fromText.contentHash, toHash: toText.contentHash, changes: redline.changes })
      return Buffer.concat([Buffer.from(`${head.slice(0, -1)},"blocks":`), redline.body, Buffer.from('}')])
    })
    sendCached(req, res, entry, 'json', 3600)
  })

  return router
}
