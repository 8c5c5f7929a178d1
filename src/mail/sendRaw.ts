import { Readable } from 'node:stream'

import type { Transporter } from 'nodemailer'

import type { SmtpAttempt } from '../domain/smtpOutcome'

/**
 * Hands a built message to the transport for one recipient and reports what happened in the
 * terms `smtpOutcome` classifies. The message is streamed, so we know whether all of it had been
 * handed over when a connection failed: nodemailer reports a drop before and after DATA alike.
 */
export async function sendRaw(transport: Transporter, envelope: { from: string; to: string }, raw: Buffer): Promise<SmtpAttempt> {
  let dataSent = false
  const stream = Readable.from([raw])
  stream.once('end', () => (dataSent = true))
  try {
    const info = (await transport.sendMail({ envelope: { from: envelope.from, to: [envelope.to] }, raw: stream })) as { response?: string; path?: string }
    return { response: info.response ?? (info.path ? `saved as ${info.path.split(/[\\/]/).at(-1)}` : 'accepted') }
  } catch (error) {
    const e = error as SmtpAttempt & Error
    return { response: e.response, responseCode: e.responseCode, code: e.code ?? 'ERROR', command: e.command, message: e.message, dataSent }
  }
}
