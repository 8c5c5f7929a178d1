import type { RequestParamHandler } from 'express'

import type { RequestReads } from './requestReads'

/**
 * `router.param('slug', …)`: a GET of a renamed policy's old address answers 301 to the same
 * page under its new slug, so every link ever published keeps working (old slugs are never reused).
 */
export const redirectFormerSlug = (reads: RequestReads): RequestParamHandler => async (req, res, next, slug) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return next()
  try {
    const current = typeof slug === 'string' ? await (await reads(res)).renamedTo(slug) : undefined
    if (!current) return next()
    // What follows the slug segment (path and query) stays as it was.
    const end = req.url.slice(1).search(/[/?]/)
    const rest = end < 0 ? '' : req.url.slice(1 + end)
    res.redirect(301, `${req.baseUrl}/${encodeURIComponent(current)}${rest}`)
  } catch (error) {
    next(error)
  }
}
