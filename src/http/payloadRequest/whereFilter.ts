/** The operators of Payload's where-queries (payload/shared `validOperators`). */
export const whereOperators = new Set(['equals', 'contains', 'not_equals', 'in', 'all', 'not_in', 'exists', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'like', 'not_like', 'within', 'intersects', 'near'])

/** Operators whose value may be a list. */
const listOperators = new Set(['in', 'not_in', 'all', 'within', 'intersects', 'near'])

const FIELD_PATH = /^\w+(?:\.\w+)*$/
const isScalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value)
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * What is wrong with a parsed `where` filter, or undefined when its shape is sound: `and`/`or`
 * lists of conditions, field paths of word characters, known operators, and values that are text,
 * numbers or booleans (lists only where the operator takes one). Payload runs a malformed filter
 * as far as the database, which fails with a 500; this says what to fix instead.
 */
export function whereProblem(where: unknown, at = 'where', depth = 0): string | undefined {
  if (depth > 8) return `${at} nests too deeply.`
  if (!isPlainObject(where)) return `${at} must be a set of conditions, e.g. where[title][equals]=Terms.`
  for (const [key, value] of Object.entries(where)) {
    const here = `${at}[${key}]`
    if (key === 'and' || key === 'or') {
      const list = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : undefined
      if (!list) return `${here} must be a list of conditions.`
      for (const [i, condition] of list.entries()) {
        const problem = whereProblem(condition, `${here}[${i}]`, depth + 1)
        if (problem) return problem
      }
      continue
    }
    if (!FIELD_PATH.test(key)) return `${here}: "${key}" is not a field name.`
    if (!isPlainObject(value)) return `${here} needs an operator, e.g. ${here}[equals]=….`
    for (const [operator, operand] of Object.entries(value)) {
      if (!whereOperators.has(operator)) return `${here}[${operator}]: "${operator}" is not an operator (${[...whereOperators].join(', ')}).`
      const listed = Array.isArray(operand) && listOperators.has(operator) && operand.every(isScalar)
      if (!isScalar(operand) && !listed) return `${here}[${operator}] must be a value, not ${Array.isArray(operand) ? 'a list' : 'an object'}.`
    }
  }
  return undefined
}
