import express, { type Request, type Response, type Router } from 'express'
import type { Payload } from 'payload'

import { atomFeed } from '../../formats/atomFeed'
import { policyFeed, siteFeed, type FeedSource } from '../../services/legalCenter/changeFeed'
import { readerLocale } from '../../services/legalCenter/readerLocale'
import { pageLangQuery } from '../params'
import { redirectFormerSlug } from '../redirectFormerSlug'
import { requestReads } from '../requestReads'

/** Atom feeds of published versions: `/legal/feed.atom` and `/legal/:slug/feed.atom`. */
export function feeds(payload: Payload, publicUrl: string, organisationName: string): Router {
  const router = express.Router()
  const reads = requestReads(payload)
  router.param('slug', redirectFormerSlug(reads))
  const atom = 'application/atom+xml; charset=utf-8'
  // Summaries in the locale ?lang= names, else the one Accept-Language prefers, else the default.
  const source = async (req: Request, res: Response): Promise<FeedSource> => {
    res.vary('Accept-Language')
    const { locale, defaultLocale, linkLang } = readerLocale(await (await reads(res)).languages(), pageLangQuery(req.query.lang), req.get('accept-language'))
    return { publicUrl, organisationName, now: new Date(), locale, defaultLocale, ...(linkLang ? { linkLang } : {}) }
  }
  router.get('/feed.atom', async (req, res) => {
    res.type(atom).send(atomFeed(await siteFeed(payload, await source(req, res))))
  })
  router.get('/:slug/feed.atom', async (req, res) => {
    res.type(atom).send(atomFeed(await policyFeed(payload, req.params.slug, await source(req, res))))
  })
  return router
}
