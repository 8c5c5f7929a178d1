import type { ErrorRequestHandler } from 'express'
import { ZodError } from 'zod'

import { errorCatalog, type ErrorCode } from '../../errors/catalog'
import { isAssentError } from '../../errors/AssentError'

interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: unknown }
}

const codeForStatus = (status: number): ErrorCode =>
  status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : 'bad_request'

/** Turns any error into Assent's JSON error shape; 5xx details go to the log, never the client. */
export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (isAssentError(error)) {
    const fields = error.details?.fields
    return { status: error.status, body: { error: { code: error.code, message: error.message, ...(fields ? { fields } : {}) } } }
  }
  if (error instanceof ZodError) {
    const fields = error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'is not a field this route knows' }))
        : [{ field: issue.path.join('.') || '(body)', message: issue.message }],
    )
    const names = fields.map((f) => f.field).join(', ')
    return { status: 400, body: { error: { code: 'validation_failed', message: `Invalid request: ${names}.`, fields } } }
  }
  const e = error as { status?: number; statusCode?: number; type?: string; name?: string; message?: string; data?: { errors?: { path: string; message: string }[] } }
  if (e.type === 'entity.parse.failed') {
    return { status: 400, body: { error: { code: 'bad_request', message: 'The request body is not valid JSON.' } } }
  }
  if (e.type === 'entity.too.large') {
    return { status: 413, body: { error: { code: 'bad_request', message: 'The request body is too large.' } } }
  }
  if (e.name === 'ValidationError' && e.data?.errors) {
    const fields = e.data.errors.map((f) => ({ field: f.path, message: f.message }))
    return { status: 400, body: { error: { code: 'validation_failed', message: e.message ?? 'Invalid data.', fields } } }
  }
  const status = e.status ?? e.statusCode
  if (status && status >= 400 && status < 500) {
    return { status, body: { error: { code: codeForStatus(status), message: e.message ?? 'Request refused.' } } }
  }
  return { status: errorCatalog.internal, body: { error: { code: 'internal', message: 'Something went wrong on our side; it has been logged.' } } }
}

/** The last express middleware: every error leaves as `{ error: { code, message } }`. */
export function errorHandler(logger: { error: (obj: unknown, msg?: string) => void; info: (obj: unknown, msg?: string) => void }): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const { status, body } = toErrorBody(error)
    if (status >= 500) logger.error({ err: error, path: req.path }, 'request failed')
    // Refused credentials and rate limits, for whoever watches for abuse: never the headers.
    else if (status === 401 || status === 403 || status === 429) logger.info({ method: req.method, path: req.path, ip: req.ip, code: body.error.code }, 'request refused')
    if (res.headersSent) return res.end()
    res.status(status).json(body)
  }
}
