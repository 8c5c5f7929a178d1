import { createHash } from 'node:crypto'

/** JSON with object keys sorted, so the same request always has the same bytes. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** A fingerprint of a request body, to tell a replay from a different request under one key. */
export const requestHash = (body: unknown): string => createHash('sha256').update(stable(body)).digest('hex')
