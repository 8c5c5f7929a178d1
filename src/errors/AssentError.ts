import { APIError } from 'payload'

import { errorCatalog, type ErrorCode } from './catalog'

/**
 * A refusal Assent means to report: a code from the catalog, a message for people, and optional
 * details (for example the offending fields). It extends Payload's APIError so that a refusal
 * thrown inside a collection hook reaches REST and admin callers with the right status too.
 */
export class AssentError extends APIError {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message, errorCatalog[code], { code, ...details }, true)
    this.name = 'AssentError'
    this.code = code
    this.details = details
  }
}

export const isAssentError = (error: unknown): error is AssentError => error instanceof AssentError
