import type { Request, Response } from 'express'

import type { CachedBody } from './immutableCache'

/** Sends a cached body with its strong ETag, or 304 when the client already has it. */
export function sendCached(req: Request, res: Response, entry: CachedBody, contentType: string, maxAge = 300): void {
  res.setHeader('ETag', entry.etag)
  res.setHeader('Cache-Control', `public, max-age=${maxAge}`)
  const known = req.headers['if-none-match']
  if (known && known.split(',').some((tag) => tag.trim() === entry.etag)) {
    res.status(304).end()
    return
  }
  res.type(contentType).send(entry.body)
}
