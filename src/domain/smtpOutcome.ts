/** What one attempt to hand a notice to the SMTP server means for the notice. */
export type DeliveryOutcome =
  | { status: 'accepted'; reply: string }
  | { status: 'retry'; reason: string }
  | { status: 'dead'; reason: string }
  | { status: 'uncertain'; reason: string }

/** The parts of a nodemailer result or error that decide the outcome. */
export interface SmtpAttempt {
  /** The server's reply line on success. */
  response?: string
  /** The SMTP reply code of a refusal (4xx, 5xx). */
  responseCode?: number
  /** nodemailer's error code: ECONNECTION, ETIMEDOUT, ESOCKET, EENVELOPE, EMESSAGE… */
  code?: string
  /** The SMTP command in progress when it failed (CONN, MAIL FROM, RCPT TO, DATA…). */
  command?: string
  message?: string
}

/**
 * Classifies an attempt: a 2xx reply is proof of delivery to the server; 4xx replies and
 * connection trouble before the message was sent are retried; 5xx replies and addresses the
 * server can never take are dead letters; a connection lost after the message data was sent is
 * uncertain (the server may have it), so a retry must reuse the same Message-ID.
 */
export function smtpOutcome(attempt: SmtpAttempt): DeliveryOutcome {
  const code = attempt.responseCode
  if (code === undefined && attempt.response !== undefined && !attempt.code) return { status: 'accepted', reply: attempt.response }
  const reason = `${code ?? attempt.code ?? 'error'}${attempt.command ? ` at ${attempt.command}` : ''}: ${attempt.message ?? attempt.response ?? ''}`.trim()
  if (code !== undefined && code >= 500) return { status: 'dead', reason }
  if (code !== undefined && code >= 400) return { status: 'retry', reason }
  if (attempt.code === 'EENVELOPE' || attempt.code === 'EMESSAGE') return { status: 'dead', reason }
  if (attempt.command === 'DATA' || attempt.command === 'DATA_END' || attempt.command === 'finish') return { status: 'uncertain', reason }
  return { status: 'retry', reason }
}

/** Exponential backoff with full jitter, capped: attempt 1 waits up to `baseMs`, then doubles. */
export function retryDelayMs(attempt: number, random: () => number, baseMs = 30_000, capMs = 60 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.floor(random() * ceiling)
}

/** The Message-ID of a notice: derived from its id, so every retry of it is recognisable. */
export const messageIdFor = (noticeId: number | string, host: string): string => `<notice-${noticeId}@${host}>`
