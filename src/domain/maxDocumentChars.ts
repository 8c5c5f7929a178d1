/** The longest text a version or translation may hold: real policies run to 60 KB and more, and
 * Payload's default cap on text fields is 40,000 characters. */
export const MAX_DOCUMENT_CHARS = 5_000_000
