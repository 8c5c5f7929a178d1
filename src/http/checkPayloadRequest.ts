import { parse } from 'qs-esm'

import { jsonNestsDeeperThan } from './payloadRequest/jsonDepth'
import { whereProblem } from './payloadRequest/whereFilter'
import { AssentError } from '../errors/AssentError'

/** How deep a document may nest: rich text with lists nested twenty levels stays well inside it. */
export const MAX_JSON_DEPTH = 100

/** Query parameters Payload reads as whole numbers. */
const NUMBERS = ['limit', 'page', 'depth'] as const

/**
 * Refuses, with a 4xx that says what to fix, the input Payload's REST API would otherwise take as
 * far as a 500: a malformed where filter, a limit, page or depth that is not a whole number, a
 * body that is not the JSON it claims to be or nests too deep, or a body of a type Payload does
 * not read. A multipart body arrives here already as its JSON document (multipartDocument).
 * Returns the parsed query.
 */
export function checkPayloadRequest(method: string, path: string, rawQuery: string, contentType: string | undefined, body: Buffer | undefined, methodOverride?: string): { where?: unknown; sort?: unknown } {
  // The admin reads with POST and `X-Payload-HTTP-Method-Override: GET`, the query in a form body
  // (long filters do not fit a URL): that body is checked as the query it is.
  if (method === 'POST' && methodOverride?.toUpperCase() === 'GET' && (contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return checkPayloadRequest('GET', path, [rawQuery, body?.toString('utf8') ?? ''].filter(Boolean).join('&'), undefined, undefined)
  }
  const query = parse(rawQuery, { depth: 10 }) as Record<string, unknown>
  if (query.where !== undefined) {
    const problem = whereProblem(query.where)
    if (problem) throw new AssentError('bad_request', problem)
  }
  for (const name of NUMBERS) {
    const value = query[name]
    if (value !== undefined && !(typeof value === 'string' && /^\d{1,6}$/.test(value))) {
      throw new AssentError('bad_request', `${name} must be a whole number (0 to 999999).`)
    }
  }
  if (body?.includes(0) || body?.includes('\\u0000')) throw new AssentError('bad_request', 'Text may not contain the NUL character (U+0000).')
  const type = (contentType ?? '').toLowerCase()
  // Creating (POST /<collection>) or updating needs a document; other POSTs (logout, refresh) do not.
  const writesDocument = method === 'PATCH' || method === 'PUT' || (method === 'POST' && /^\/[\w-]+\/?$/.test(path))
  if (writesDocument && (!body || body.length === 0)) throw new AssentError('bad_request', 'Send the document as a JSON object.')
  if (body && body.length > 0) {
    if (!type.startsWith('application/json')) {
      throw new AssentError('unsupported_media_type', 'Send the body as JSON (content-type: application/json) or as multipart/form-data.')
    }
    const text = body.toString('utf8')
    // Payload walks a document recursively: a deep enough one overflows its stack (a 500).
    if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
      throw new AssentError('json_too_deep', `The document nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`)
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new AssentError('bad_request', 'The request body is not valid JSON.')
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new AssentError('bad_request', 'The request body must be a JSON object.')
  }
  return query
}
