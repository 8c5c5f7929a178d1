import type { RequestHandler } from 'express'

import { markSvg } from '../../brand/assentMark'

const svg = markSvg()

/** Assent's own favicon, for the admin, the Legal Center and browsers that ask /favicon.ico
 * unprompted (modern browsers take an SVG there). */
export const favicon: RequestHandler = (_req, res) => {
  res.type('image/svg+xml').set('cache-control', 'public, max-age=86400').send(svg)
}
