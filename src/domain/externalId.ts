/** The longest external id Assent stores. */
export const MAX_EXTERNAL_ID_LENGTH = 200

/**
 * What is wrong with a subject's external id, or undefined. Ids are taken exactly as sent, never
 * trimmed: an id that differs from another only by invisible characters (edge spaces, tabs,
 * control or format characters, broken UTF-16) would be a second subject to the evidence and a
 * second count to the rate limits, so such ids are refused rather than normalised.
 */
export function externalIdProblem(id: string): string | undefined {
  if (id.length === 0) return 'must not be empty'
  if (id.length > MAX_EXTERNAL_ID_LENGTH) return `must be at most ${MAX_EXTERNAL_ID_LENGTH} characters`
  if (/^\s|\s$/u.test(id)) return 'must not start or end with a space'
  if (/[\p{Cc}\p{Cf}]/u.test(id)) return 'must not contain control or invisible formatting characters'
  if (!id.isWellFormed()) return 'must be well-formed Unicode'
  return undefined
}
