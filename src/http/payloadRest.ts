import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'

import express, { type Request as ExpressRequest, type Response as ExpressResponse, type Router } from 'express'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints, type SanitizedConfig } from 'payload'

import { AssentError } from '../errors/AssentError'
import { documentPathProblem } from './payloadRequest/payloadPath'
import { payloadRouteProblem } from './payloadRequest/payloadRoute'
import { checkPayloadRequest } from './checkPayloadRequest'
import { isMultipart, multipartDocument } from './multipartDocument'

/** An express request as a web Request: the body read already (`body`, sent as `contentType`
 * when given), or streamed through. */
export function toWebRequest(req: ExpressRequest, origin: string, body?: Buffer, contentType?: string): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v))
    else if (value !== undefined) headers.set(name, value)
  }
  if (contentType !== undefined) {
    headers.set('content-type', contentType)
    headers.delete('content-length')
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(new URL(req.originalUrl, origin), {
    method: req.method,
    headers,
    body: !hasBody ? undefined : body ? new Uint8Array(body) : (Readable.toWeb(req) as unknown as ReadableStream),
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
export function payloadRest(config: Promise<SanitizedConfig> | SanitizedConfig, origin: string, idPattern: RegExp): Router {
  const graphql = GRAPHQL_POST(config)
  const collections = (async () => {
    const { collections: all } = (await config) as { collections: Array<{ slug: string; versions?: unknown; auth?: unknown }> }
    const having = (key: 'versions' | 'auth') => new Set(all.filter((c) => c[key]).map((c) => c.slug))
    return { slugs: new Set(all.map((c) => c.slug)), versioned: having('versions'), accounts: having('auth') }
  })()
  const router = express.Router()
  // Read whole (Assent has no uploads), so a body can be checked before Payload sees it.
  router.use(express.raw({ type: () => true, limit: '8mb' }))
  router.use(async (req, res, next) => {
    try {
      // Payload fails with a 500 on the version history of a collection that keeps none, and on a
      // document id the database cannot hold (text where ids are numbers): both are a 404 here.
      const { slugs, versioned, accounts } = await collections
      // It also takes its own routes (`count`, `access`, `login`, `me`…) for document ids when sent
      // with another method (405 here), and account routes under a collection without accounts (404).
      const route = payloadRouteProblem(req.method, req.path, slugs, accounts)
      if (route?.allow) res.set('allow', route.allow)
      if (route) throw new AssentError(route.code, route.message)
      const problem = documentPathProblem(req.path, slugs, versioned, idPattern)
      if (problem) throw new AssentError('not_found', problem)
      let body = Buffer.isBuffer(req.body) ? req.body : undefined
      let contentType = req.headers['content-type']
      if (body && isMultipart(contentType)) {
        body = await multipartDocument(contentType!, body)
        contentType = 'application/json'
      }
      const query = checkPayloadRequest(req.method, req.path, req.originalUrl.split('?')[1] ?? '', contentType, body, req.get('x-payload-http-method-override'))
      const request = toWebRequest(req, origin, body, contentType === req.headers['content-type'] ? undefined : contentType)
      const response = req.method === 'POST' && req.path === '/graphql' ? await graphql(request) : await handleEndpoints({ config, request })
      // A filter of the right shape can still not fit a column (text for a number, say): Payload
      // lets the database fail on it. That is the caller's input, not a fault here.
      if (response.status >= 500 && (query.where !== undefined || query.sort !== undefined)) {
        await response.body?.cancel()
        throw new AssentError('bad_request', 'This filter or sort cannot be run: check that each value fits its field (a number for numbers and ids, a date for dates).')
      }
      await sendWebResponse(response, res)
    } catch (error) {
      next(error)
    }
  })
  return router
}
