import express, { type Router } from 'express'
import helmet from 'helmet'

import { openApiDocument } from '../openapi/openApiDocument'
import type { PageRenderer } from '../../render/pageRenderer'

type Doc = { paths: Record<string, Record<string, Record<string, unknown>>>; info: { version: string }; tags: Array<{ name: string }> }
const schemeNames: Record<string, string> = { integrationKey: 'integration API key (Bearer)', auditKey: 'audit API key (Bearer)', staffJwt: 'staff login (JWT)' }

/** The page's view of the document: operations grouped by tag, in the document's order. */
function docsContext(doc: Doc) {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const responses = op.responses as Record<string, { description: string; content?: Record<string, { example?: unknown }> }>
      const success = Object.entries(responses).find(([status]) => Number(status) < 300)
      const body = (op.requestBody as { content: { 'application/json': { schema: unknown; example: unknown } } } | undefined)?.content['application/json']
      return {
        method,
        path,
        operationId: op.operationId,
        summary: op.summary,
        tag: (op.tags as string[])[0],
        security: (op.security as Array<Record<string, unknown>>).map((s) => Object.keys(s).map((k) => schemeNames[k] ?? k).join(' + ')).join(' or '),
        parameters: op.parameters,
        body,
        responses: Object.entries(responses).map(([status, r]) => ({ status, description: r.description })),
        example: success && Object.values(success[1].content ?? {})[0]?.example,
      }
    }),
  )
  return { version: doc.info.version, tags: doc.tags.map(({ name }) => ({ name, anchor: name.toLowerCase().replace(/\s+/g, '-'), operations: operations.filter((o) => o.tag === name) })) }
}

/** `GET /api/v1/openapi.json` and `GET /api/v1/docs`: the API described from its own schemas. */
export function apiReference(publicUrl: string, version: string, pages: PageRenderer): Router {
  const router = express.Router()
  const doc = openApiDocument(publicUrl, version)
  const json = JSON.stringify(doc, null, 2)
  const html = pages.render('api-docs', { title: 'API reference', ...docsContext(doc as unknown as Doc) })
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').set('cache-control', 'public, max-age=300').set('access-control-allow-origin', '*').send(json)
  })
  router.get('/docs', helmet({ contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], styleSrc: ["'self'"], baseUri: ["'none'"], frameAncestors: ["'none'"] } } }), (_req, res) => {
    res.type('html').set('cache-control', 'public, max-age=300').send(html)
  })
  return router
}
