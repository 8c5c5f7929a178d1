import { AssentError } from '../errors/AssentError'
import { instantParam as instantText, versionNumberParam } from './schemas/params'

/** A version (or entry) number from a URL: a positive whole number, or a 400 naming the parameter. */
export function versionParam(raw: unknown, name: string): number {
  const text = String(raw ?? '')
  if (!versionNumberParam.safeParse(text).success) {
    throw new AssentError('bad_request', `${name} must be a version number (1, 2, 3…), not "${text.slice(0, 40)}".`)
  }
  return Number(text)
}

/** An instant from a query string (ISO-8601 date or date-time; default now), or a 400. */
export function instantParam(raw: unknown, name: string): Date {
  if (raw === undefined || raw === '') return new Date()
  const text = String(raw)
  const date = new Date(text)
  if (!instantText.safeParse(text).success || Number.isNaN(date.getTime())) {
    throw new AssentError('bad_request', `${name} must be an ISO-8601 date or date-time such as 2027-01-31 or 2027-01-31T09:00:00Z, not "${text.slice(0, 40)}".`)
  }
  return date
}
