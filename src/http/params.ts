import { AssentError } from '../errors/AssentError'

/** A version (or entry) number from a URL: a positive whole number, or a 400 naming the parameter. */
export function versionParam(raw: unknown, name: string): number {
  const text = String(raw ?? '')
  if (!/^[1-9][0-9]{0,8}$/.test(text)) {
    throw new AssentError('bad_request', `${name} must be a version number (1, 2, 3…), not "${text.slice(0, 40)}".`)
  }
  return Number(text)
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/** An instant from a query string (ISO-8601 date or date-time; default now), or a 400. */
export function instantParam(raw: unknown, name: string): Date {
  if (raw === undefined || raw === '') return new Date()
  const text = String(raw)
  const date = new Date(text)
  if (!ISO_8601.test(text) || Number.isNaN(date.getTime())) {
    throw new AssentError('bad_request', `${name} must be an ISO-8601 date or date-time such as 2027-01-31 or 2027-01-31T09:00:00Z, not "${text.slice(0, 40)}".`)
  }
  return date
}
