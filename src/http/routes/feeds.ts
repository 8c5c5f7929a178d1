import express, { type Router } from 'express'
import type { Payload } from 'payload'

import { atomFeed } from '../../formats/atomFeed'
import { policyFeed, siteFeed } from '../../services/legalCenter/changeFeed'
import { redirectFormerSlug } from '../redirectFormerSlug'

/** Atom feeds of published versions: `/legal/feed.atom` and `/legal/:slug/feed.atom`. */
export function feeds(payload: Payload, publicUrl: string, organisationName: string): Router {
  const router = express.Router()
  router.param('slug', redirectFormerSlug(payload))
  const atom = 'application/atom+xml; charset=utf-8'
  router.get('/feed.atom', async (_req, res) => {
    res.type(atom).send(atomFeed(await siteFeed(payload, { publicUrl, organisationName, now: new Date() })))
  })
  router.get('/:slug/feed.atom', async (req, res) => {
    res.type(atom).send(atomFeed(await policyFeed(payload, req.params.slug, { publicUrl, organisationName, now: new Date() })))
  })
  return router
}
