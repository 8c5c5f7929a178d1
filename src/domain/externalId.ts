/** The longest external id Assent takes, on every route (path, body, bulk, banner, evidence). */
export const MAX_EXTERNAL_ID_LENGTH = 200

/** What no external id may be, stored or new: empty, or longer than the one maximum. */
export function externalIdLengthProblem(id: string): string | undefined {
  if (id.length === 0) return 'must not be empty'
  if (id.length > MAX_EXTERNAL_ID_LENGTH) return `must be at most ${MAX_EXTERNAL_ID_LENGTH} characters`
  return undefined
}

/**
 * What is wrong with a new subject's external id, or undefined. Ids are taken exactly as sent,
 * never trimmed or normalised: an id that differs from another only by what nobody sees (edge
 * spaces; control, format, bidi or default-ignorable characters such as zero-width spaces, RTL
 * overrides, variation selectors; line breaks; broken UTF-16; a decomposed spelling of the same
 * letters) would be a second subject to the evidence and a second count to the rate limits, so
 * such ids are refused with the rule they break. Non-NFC ids are refused rather than normalised:
 * a normalised id would no longer be the one the host product stores and sends back, and two
 * spellings silently meeting in one subject is the very ambiguity this rule removes.
 * Lookalikes from other scripts (Cyrillic "а" for Latin "a") are taken: they are different code
 * points, so never the same subject, and refusing mixed scripts would refuse real ids.
 */
export function externalIdProblem(id: string): string | undefined {
  const length = externalIdLengthProblem(id)
  if (length) return length
  if (!id.isWellFormed()) return 'must be well-formed Unicode'
  if (/^\s|\s$/u.test(id)) return 'must not start or end with a space'
  if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(id)) return 'must not contain control characters or line breaks'
  if (/[\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(id)) return 'must not contain invisible or bidirectional formatting characters'
  if (id.normalize('NFC') !== id) return 'must be in Unicode normalisation form NFC (composed characters)'
  return undefined
}
