const serialised = new WeakMap<object, string>()

function freezeDeep(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const inner of Object.values(value)) freezeDeep(inner)
}

/**
 * Freezes `value` all the way down and keeps its JSON: a value shared by many answers (a status
 * or banner computed once for every subject in the same place) is then serialised once, and
 * can no longer change under the JSON kept for it.
 */
export function keepJson<T extends object>(value: T): T {
  freezeDeep(value)
  serialised.set(value, JSON.stringify(value))
  return value
}

/** `JSON.stringify(value)`, taken from what `keepJson` kept where it kept it. */
export function jsonOf(value: unknown): string | undefined {
  return (typeof value === 'object' && value !== null && serialised.get(value)) || JSON.stringify(value)
}

/**
 * `JSON.stringify(value)` of a plain object whose values and array items may have been kept by
 * `keepJson`: the same text, with what was kept not serialised again.
 */
export function objectJson(value: Record<string, unknown>): string {
  const fields: string[] = []
  for (const [key, field] of Object.entries(value)) {
    const json = Array.isArray(field) ? `[${field.map((item) => jsonOf(item) ?? 'null').join(',')}]` : jsonOf(field)
    if (json !== undefined) fields.push(`${JSON.stringify(key)}:${json}`)
  }
  return `{${fields.join(',')}}`
}
