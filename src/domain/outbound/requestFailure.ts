/** What a delivery records when a request to an internal address was refused, whatever listens there. */
export const REFUSED_TARGET = 'refused: not a public address (an internal host must be listed in WEBHOOK_ALLOW_HOSTS)'

/** The code a guarded connection fails with when the target's address is internal. */
export const REFUSED_TARGET_CODE = 'ASSENT_REFUSED_TARGET'
/** The code a request fails with when the endpoint did not answer in time. */
export const TIMED_OUT_CODE = 'ASSENT_TIMED_OUT'

/** How much of an answer is read (to count and hash it) before the rest is dropped. */
export const MAX_ANSWER_BYTES = 1024 * 1024

const NAME_NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME', 'EAI_FAIL'])

/**
 * Why an outbound request got no answer, in a few coarse words. Connection errors are not told
 * apart (refused, reset and unreachable read alike), so the recorded errors do not map ports.
 */
export function requestFailure(code: string | undefined, timeoutMs: number): string {
  if (code === REFUSED_TARGET_CODE) return REFUSED_TARGET
  if (code === TIMED_OUT_CODE) return `no answer within ${timeoutMs / 1000} s`
  if (code && NAME_NOT_FOUND.has(code)) return 'the host name did not resolve'
  if (code && /CERT|TLS|SSL|SIGNATURE/.test(code)) return 'the TLS handshake failed (certificate not trusted or not valid for the host)'
  return 'the connection failed'
}

/** What a delivery records of an answer that was not 2xx: the status, never the body. */
export function answerFailure(status: number, cutOff: boolean): string {
  const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : ''
  return `HTTP ${status}${redirect}${cutOff ? `; answer over ${MAX_ANSWER_BYTES} bytes, not read to the end` : ''}`
}
