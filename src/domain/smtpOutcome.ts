/**
 * What one attempt to hand a notice to the SMTP server means for the notice:
 * - accepted: the server took it (proof of delivery to the server);
 * - retry: this message was refused for now (4xx at RCPT TO or DATA): try again later, counted;
 * - dead: this message can never go (5xx at RCPT TO or DATA, malformed envelope);
 * - uncertain: the connection failed after the whole message was handed over, so the server may
 *   have it: a retry must reuse the same Message-ID;
 * - unreachable: the server or our configuration failed before this message was handed over
 *   (refused connection, slow greeting, failed login, sender refused): not the recipient's fault,
 *   so the notice waits without using up its attempts and the worker backs off.
 */
export type DeliveryOutcome =
  | { status: 'accepted'; reply: string }
  | { status: 'retry' | 'dead' | 'uncertain' | 'unreachable'; reason: string }

/** The parts of a nodemailer result or error that decide the outcome. */
export interface SmtpAttempt {
  /** The server's reply line (success or refusal). */
  response?: string
  /** The SMTP reply code of a refusal (4xx, 5xx). */
  responseCode?: number
  /** nodemailer's error code: ECONNECTION, ETIMEDOUT, ESOCKET, EAUTH, EENVELOPE, EMESSAGE… */
  code?: string
  /** The SMTP command in progress when it failed (CONN, EHLO, AUTH PLAIN, MAIL FROM, RCPT TO, DATA). */
  command?: string
  message?: string
  /** Whether the whole message had been handed to the connection when it failed. nodemailer
   * reports a connection closed after DATA as `ECONNECTION` at `CONN`, exactly like one closed
   * before, so only the sender can tell the two apart. */
  dataSent?: boolean
}

/** Commands about the session rather than one recipient or message. */
const SESSION_COMMANDS = /^(CONN|EHLO|HELO|LHLO|STARTTLS|AUTH|MAIL FROM)/i
const SESSION_ERRORS = new Set(['EAUTH', 'ENOAUTH', 'ETLS', 'EDNS', 'ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EPROTOCOL'])

/** Classifies an attempt from nodemailer's success response or error fields. */
export function smtpOutcome(attempt: SmtpAttempt): DeliveryOutcome {
  const { responseCode: code, command = '' } = attempt
  if (code === undefined && !attempt.code && attempt.response !== undefined) return { status: 'accepted', reply: attempt.response }
  const reason = `${code ?? attempt.code ?? 'error'}${command ? ` at ${command}` : ''}: ${attempt.response ?? attempt.message ?? ''}`.trim()
  if (code !== undefined && SESSION_COMMANDS.test(command)) return { status: 'unreachable', reason }
  if (code !== undefined && code >= 500) return { status: 'dead', reason }
  if (code !== undefined && code >= 400) return { status: 'retry', reason }
  if (attempt.dataSent) return { status: 'uncertain', reason }
  if (attempt.code === 'EENVELOPE' || attempt.code === 'EMESSAGE') return { status: 'dead', reason }
  if (attempt.code && SESSION_ERRORS.has(attempt.code)) return { status: 'unreachable', reason }
  return { status: 'retry', reason }
}

/** Exponential backoff with full jitter, capped: attempt 1 waits up to `baseMs`, then doubles. */
export function retryDelayMs(attempt: number, random: () => number, baseMs = 30_000, capMs = 60 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.floor(random() * ceiling)
}

/** The Message-ID of a notice: derived from its id, so every retry of it is recognisable. */
export const messageIdFor = (noticeId: number | string, host: string): string => `<notice-${noticeId}@${host}>`
