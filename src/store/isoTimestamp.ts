/** A timestamp as ISO-8601 UTC, whether a driver gave a Date, ISO text, or PostgreSQL's text form
 * ("2026-11-28 18:56:32.599+00", as Payload's connection returns it). Anything else is returned as
 * it is. */
export function isoTimestamp(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'string' && / \d\d:\d\d:\d\d(\.\d+)?[+-]\d\d(:?\d\d)?$/.test(value)) {
    return new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString()
  }
  return value
}
