import express, { type ErrorRequestHandler, type Router } from 'express'
import type { Payload } from 'payload'

import { replacedBeforeEffect } from '../../domain/replacedBeforeEffect'
import { supersededBeforeEffect } from '../../domain/supersededBeforeEffect'
import { versionStatus, type VersionStatus } from '../../domain/versionStatus'
import { compareVersions } from '../../services/legalCenter/compareVersions'
import { findPublishedVersion } from '../../services/legalCenter/findPublishedVersion'
import { findVersion } from '../../services/legalCenter/findVersion'
import type { ImmutableCache } from '../immutableCache'
import type { Redlines } from '../../services/redline/redlines'
import { listPolicies } from '../../services/policies/listPolicies'
import { policyTimeline } from '../../services/policies/policyTimeline'
import type { PublishedVersion } from '../../services/legalCenter/publishedVersions'
import { toErrorBody } from '../middleware/errorHandler'
import { withoutRepeatedTitle } from '../../domain/withoutRepeatedTitle'
import { textDirection } from '../../domain/locale/textDirection'
import { legalCenterPhrases, type LegalCenterPhrases } from '../../domain/wording/legalCenterPhrases'
import { phrasesFor } from '../../domain/wording/phrasesFor'
import { availableTexts, localizedVersion, type LocalizedText } from '../../services/legalCenter/localizedVersion'
import { localizedSummary } from '../../services/legalCenter/localizedSummary'
import { readerLocale, type ReaderLocale } from '../../services/legalCenter/readerLocale'
import { localeChrome } from '../localeChrome'
import { pageLangQuery, versionParam } from '../params'
import { redirectFormerSlug } from '../redirectFormerSlug'
import { requestReads } from '../requestReads'
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
  /** The site's public address, for the absolute hreflang alternates. */
  publicUrl: string
}

/** The page chrome's phrases: in the language of the text the page shows, which is also its
 * `<html lang>` (English where Assent does not speak it). */
const phrasesIn = (locale: string): LegalCenterPhrases => phrasesFor(legalCenterPhrases, locale).phrases

/** What a version's page says of it; an upcoming version's page says its date (see version.hbs). */
const statusText = (t: LegalCenterPhrases, status: VersionStatus, supersededBy: number | undefined): string =>
  ({
    'in-force': t.status.inForce,
    upcoming: '',
    superseded: t.status.superseded,
    'superseded-before-effect': t.status.supersededBeforeEffect(String(supersededBy)),
  })[status]

/** The offered locales `v` has a text in: those a page of it links to. */
const localesOf = (v: PublishedVersion, reader: ReaderLocale) => availableTexts(v, reader.defaultLocale).map((t) => t.locale).filter((l) => reader.offered.includes(l))

/** What a cached page of `v` depends on besides its number: its texts (a translation can be added
 * later) and the site's locales (the switcher lists those offered). */
const textsKey = (v: PublishedVersion | undefined, reader: ReaderLocale) =>
  v ? `${availableTexts(v, reader.defaultLocale).map((t) => `${t.locale}=${t.contentHash}`).join(',')}|${reader.offered.join(',')}|${reader.defaultLocale}` : 'none'

/** The language a page's note about its language is in: the one the reader asked for when Assent
 * speaks it (a French reader of an English-only text is told in French), else English. */
const noteLanguage = (reader: ReaderLocale) => {
  const { language, phrases } = phrasesFor(legalCenterPhrases, reader.missing ?? reader.locale)
  return { lang: language, dir: textDirection(language), t: phrases }
}

/** What a page says when its text is not in the reader's language, or is a later translation. */
const localeNote = (shown: LocalizedText, reader: ReaderLocale, publishedAt: Date, inNote = noteLanguage(reader)) => ({
  ...inNote,
  fallback: shown.fallback || Boolean(reader.missing),
  wantedName: inNote.t.languageName(reader.missing ?? reader.locale),
  shownName: inNote.t.languageName(shown.locale),
  addedLater: shown.addedLater,
  addedAt: shown.addedAt,
  publishedAt,
})

/** What the pages' links append to stay in the reader's locale (see ReaderLocale.linkLang). */
const langLinks = ({ linkLang }: ReaderLocale) => (linkLang ? { linkLang, langQ: `?lang=${encodeURIComponent(linkLang)}`, langAmp: `&lang=${encodeURIComponent(linkLang)}` } : {})

/** An upcoming version with the versions it replaces that never take effect. */
const withReplaced = (history: readonly PublishedVersion[]) => (v: PublishedVersion) => ({ ...v, replaces: replacedBeforeEffect(history, v) })

/**
 * The public Legal Center: `/legal` and the pages of each policy. Server-rendered, no client
 * JavaScript; pages of published versions are cached (they never change) with strong ETags.
 * Each page is in the reader's locale: `?lang=`, else Accept-Language, else the site's default.
 * The locale is a query parameter, never a path segment: `/legal/fr` could as well be a policy
 * whose slug is `fr`, and a locale or a policy added later would change what a saved address opens.
 */
export function legalPages({ payload, pages, cache, redlines, publicUrl }: LegalPagesParts): Router {
  const router = express.Router()
  const reads = requestReads(payload)
  router.param('slug', redirectFormerSlug(reads))
  // A page is in the language asked for with ?lang=, else the one Accept-Language prefers.
  const reader = async (req: express.Request, res: express.Response) => readerLocale(await (await reads(res)).languages(), pageLangQuery(req.query.lang), req.get('accept-language'))
  const html = (title: string, page: Parameters<PageRenderer['render']>[0], context: Record<string, unknown>) => pages.render(page, { title, ...context })

  router.get('/assets/legal.css', (_req, res) => {
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=3600').send(pages.stylesheet)
  })

  // Every page below is in the reader's language, which Accept-Language can choose.
  router.use((_req, res, next) => {
    res.vary('Accept-Language')
    next()
  })

  router.get('/', async (req, res) => {
    const [policies, r] = await Promise.all([listPolicies(await reads(res), new Date()), reader(req, res)])
    const t = phrasesIn(r.locale)
    res.send(html(t.legalDocuments, 'index', { t, policies: policies.map(({ policy, inForce, upcoming, history }) => ({ ...policy, inForce, upcoming: upcoming.map(withReplaced(history)) })), feedUrl: '/legal/feed.atom', feedTitle: t.feedTitle, ...localeChrome(publicUrl, '/legal', r.locale, r.offered), ...langLinks(r) }))
  })

  router.get('/:slug', async (req, res) => {
    const [{ policy, inForce, upcoming, history }, r] = await Promise.all([policyTimeline(await reads(res), req.params.slug, new Date()), reader(req, res)])
    const notices = upcoming.map(withReplaced(history))
    // Keyed by all the page shows: which version is in force and which are upcoming (so it changes
    // at their effective dates), the versions those replace, their texts, and the reader's locale.
    const shownKey = [inForce?.version, textsKey(inForce, r), ...notices.map((v) => `${v.version}/${v.replaces.map((x) => x.version)}/${textsKey(v, r)}`)].join(':')
    const entry = await cache.get(`policy:${policy.id}:${policy.slug}:${policy.title}:${r.locale}:${r.linkLang}:${r.missing}:${r.offered}:${r.defaultLocale}:${shownKey}`, async () => {
      const version = inForce && (await findVersion(payload, policy.slug, inForce.version)).version
      const shown = inForce && version && (await localizedVersion(payload, inForce, version, r.locale, r.defaultLocale))
      const chrome = localeChrome(publicUrl, `/legal/${policy.slug}`, shown ? shown.locale : r.locale, inForce ? localesOf(inForce, r) : r.offered)
      const t = phrasesIn(chrome.lang)
      return html(policy.title, 'policy', {
        t,
        policy,
        version: version && shown && { ...version, html: withoutRepeatedTitle(shown.html, policy.title), summary: shown.summary, effectiveAt: inForce.effectiveAt },
        localeNote: shown && localeNote(shown, r, inForce.publishedAt),
        upcoming: notices.map((v) => localizedSummary(v, chrome.lang, r.defaultLocale)),
        feedUrl: `/legal/${policy.slug}/feed.atom`,
        feedTitle: t.policyFeedTitle(policy.title),
        ...chrome,
        ...langLinks(r),
      })
    })
    // Revalidated at each visit: which version is in force changes at an effective date.
    sendCached(req, res, entry, 'html', 0)
  })

  router.get('/:slug/versions', async (req, res) => {
    const now = new Date()
    const [{ policy, inForce, upcoming, history }, r] = await Promise.all([policyTimeline(await reads(res), req.params.slug, now), reader(req, res)])
    const versions = history.map((v, i) => ({ ...localizedSummary(v, r.locale, r.defaultLocale), previous: history[i - 1]?.version, inForce: v.version === inForce?.version, upcoming: upcoming.includes(v), supersededBy: supersededBeforeEffect(history, v)?.version, isFrom: i === history.length - 2, isTo: i === history.length - 1 }))
    const t = phrasesIn(r.locale)
    res.send(html(t.allVersionsOf(policy.title), 'versions', { t, policy, versions, canCompare: versions.length > 1, newestFirst: [...versions].reverse(), feedUrl: `/legal/${policy.slug}/feed.atom`, feedTitle: t.policyFeedTitle(policy.title), ...localeChrome(publicUrl, `/legal/${policy.slug}/versions`, r.locale, r.offered), ...langLinks(r) }))
  })

  router.get('/:slug/versions/:version', async (req, res) => {
    const number = versionParam(req.params.version, 'version')
    const now = new Date()
    const [{ policy, version: ref, history }, r] = await Promise.all([findPublishedVersion(await reads(res), req.params.slug, number), reader(req, res)])
    const index = history.indexOf(ref)
    const status = versionStatus(history, ref, now)
    const supersededBy = supersededBeforeEffect(history, ref)?.version
    const next = history[index + 1]?.version
    // Keyed by the policy's id as well as its slug: a cached page is never another policy's text.
    // And by the reader's locale and the version's texts: a page is never another language's.
    const entry = await cache.get(`version:${policy.id}:${policy.slug}:${policy.title}:${number}:${status}:${supersededBy}:${next}:${r.locale}:${r.linkLang}:${r.missing}:${textsKey(ref, r)}`, async () => {
      const { version } = await findVersion(payload, policy.slug, number)
      const shown = await localizedVersion(payload, ref, version, r.locale, r.defaultLocale)
      const t = phrasesIn(shown.locale)
      return html(t.versionOf(policy.title, String(number)), 'version', {
        t,
        policy,
        version: { ...version, html: withoutRepeatedTitle(shown.html, policy.title), summary: shown.summary, contentHash: shown.contentHash },
        localeNote: localeNote(shown, r, ref.publishedAt),
        status,
        statusText: statusText(t, status, supersededBy),
        upcoming: status === 'upcoming',
        supersededBy,
        previous: history[index - 1]?.version,
        next,
        ...localeChrome(publicUrl, `/legal/${policy.slug}/versions/${number}`, shown.locale, localesOf(ref, r)),
        ...langLinks(r),
      })
    })
    sendCached(req, res, entry, 'html')
  })

  router.get('/:slug/compare', (req, res) => {
    const from = versionParam(req.query.from, 'from')
    const to = versionParam(req.query.to, 'to')
    const lang = pageLangQuery(req.query.lang)
    res.redirect(303, `/legal/${encodeURIComponent(req.params.slug)}/compare/${from}/${to}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`)
  })

  router.get('/:slug/compare/:from/:to', async (req, res) => {
    const from = versionParam(req.params.from, 'from')
    const to = versionParam(req.params.to, 'to')
    const sideBySide = req.query.view === 'side'
    const [{ policy, history }, r] = await Promise.all([(await reads(res)).policy(req.params.slug), reader(req, res)])
    const [a, b] = [from, to].map((n) => history.find((v) => v.version === n))
    // Keyed by the reader's locale and both versions' texts too: the redline is of the texts shown.
    const entry = await cache.get(`compare:${policy.id}:${policy.slug}:${policy.title}:${from}:${to}:${sideBySide ? 'side' : 'inline'}:${r.locale}:${r.linkLang}:${r.missing}:${textsKey(a, r)}:${textsKey(b, r)}`, async () => {
      const comparison = await compareVersions(payload, redlines, policy.slug, from, to, sideBySide ? 'side' : 'inline', { wanted: r.locale, defaultLocale: r.defaultLocale })
      const inBoth = a && b ? localesOf(a, r).filter((l) => localesOf(b, r).includes(l)) : []
      const chrome = localeChrome(publicUrl, `/legal/${policy.slug}/compare/${from}/${to}`, comparison.locale, inBoth, sideBySide ? { view: 'side' } : {})
      const inNote = noteLanguage(r)
      const note = { ...inNote, fallback: comparison.localeFallback || Boolean(r.missing), wantedName: inNote.t.languageName(r.missing ?? r.locale), shownName: inNote.t.languageName(comparison.locale) }
      const t = phrasesIn(comparison.locale)
      // Side by side needs a wide screen: the page carries the inline redline too (rendered with
      // it, off the event loop), which narrow screens show instead (legal.css).
      const { body: redlineHtml, narrowBody: narrowRedlineHtml, changes, coarse } = comparison.redline
      const title = t.compareHeadTitle(comparison.policy.title, String(from), String(to))
      return spliceParts((parts) => html(title, 'compare', { ...comparison, t, sideBySide, ...parts, changes, coarse, localeNote: note, ...chrome, ...langLinks(r) }), { redlineHtml, narrowRedlineHtml })
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
