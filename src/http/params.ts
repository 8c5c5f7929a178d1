import { AssentError } from '../errors/AssentError'
import { instantParam as instantText, langParam, versionNumberParam, wholeNumberParam } from './schemas/params'

/** A version (or entry) number from a URL: a positive whole number, or a 400 naming the parameter. */
export function versionParam(raw: unknown, name: string): number {
  const text = String(raw ?? '')
  if (!versionNumberParam.safeParse(text).success) {
    throw new AssentError('bad_request', `${name} must be a version number (1, 2, 3…), not "${text.slice(0, 40)}".`)
  }
  return Number(text)
}

/** A whole number from `min` to `max` from a query string (`fallback` when absent), or a 400
 * naming the parameter. */
export function wholeNumberQuery(raw: unknown, name: string, { min, max, fallback }: { min: number; max: number; fallback: number }): number {
  if (raw === undefined || raw === '') return fallback
  const text = String(raw)
  const value = wholeNumberParam.safeParse(text).success ? Number(text) : Number.NaN
  if (!(value >= min && value <= max)) {
    throw new AssentError('bad_request', `${name} must be a whole number from ${min} to ${max.toLocaleString('en')}, not "${text.slice(0, 40)}".`)
  }
  return value
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

/** The `?lang=` of an API request: a language tag, or undefined when absent; a malformed one (or
 * one given twice) is a 400, so that a client's mistake is told rather than silently ignored. */
export function langQuery(raw: unknown): string | undefined {
  if (raw === undefined || raw === '') return undefined
  if (typeof raw !== 'string' || !langParam.safeParse(raw).success) {
    throw new AssentError('bad_request', `lang must be one language tag such as fr or pt-BR, not "${String(raw).slice(0, 40)}".`)
  }
  return raw
}

/** The `?lang=` of a page: a language tag, or undefined when absent or unusable. A reader's link
 * with a mistyped language still opens the page, in the language negotiated without it. */
export const pageLangQuery = (raw: unknown): string | undefined => (typeof raw === 'string' && langParam.safeParse(raw).success ? raw : undefined)

/** A yes/no flag from a query string: `true` or `1` is yes, anything else (or none) no. */
export const flagQuery = (raw: unknown): boolean => raw === 'true' || raw === '1'
