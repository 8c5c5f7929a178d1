import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'

import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints, type SanitizedConfig } from 'payload'

/** An express request as a web Request, body streamed through untouched. */
export function toWebRequest(req: ExpressRequest, origin: string): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v))
    else if (value !== undefined) headers.set(name, value)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(new URL(req.originalUrl, origin), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as unknown as ReadableStream) : undefined,
    // @ts-expect-error Node's fetch needs duplex for a streamed body; the DOM type lacks it.
    duplex: hasBody ? 'half' : undefined,
  })
}

/** Sends a web Response through express, keeping every Set-Cookie header. */
export async function sendWebResponse(response: Response, res: ExpressResponse): Promise<void> {
  res.status(response.status)
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  if (!response.body) return void res.end()
  Readable.fromWeb(response.body as unknown as WebReadableStream).pipe(res)
}

/**
 * Payload's REST API (`/api/<collection>…`) served by express itself, without Next, so the same
 * process answers it in tests and in production, GraphQL (`POST /api/graphql`) included, with the
 * same access rules.
 */
export function payloadRest(config: Promise<SanitizedConfig> | SanitizedConfig, origin: string): RequestHandler {
  const graphql = GRAPHQL_POST(config)
  return async (req, res, next) => {
    try {
      const request = toWebRequest(req, origin)
      const response = req.method === 'POST' && req.path === '/graphql' ? await graphql(request) : await handleEndpoints({ config, request })
      await sendWebResponse(response, res)
    } catch (error) {
      next(error)
    }
  }
}
