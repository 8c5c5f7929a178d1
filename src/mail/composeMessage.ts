import { createHash } from 'node:crypto'

import MailComposer from 'nodemailer/lib/mail-composer'

import type { RenderedMail } from '../render/renderChangeNotice'

/** A message built once, byte for byte, so that what is sent is what is hashed. */
export interface ComposedMessage {
  raw: Buffer
  /** SHA-256 of `raw`, hex. */
  hash: string
}

/**
 * Builds the MIME message of a notice with its fixed Message-ID. Change notices are administrative
 * mail: no List-Unsubscribe; `Auto-Submitted` tells responders not to answer it automatically.
 */
export async function composeMessage(mail: RenderedMail, from: { name: string; address: string }, to: string, messageId: string): Promise<ComposedMessage> {
  const composer = new MailComposer({
    from,
    to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId,
    headers: { 'Auto-Submitted': 'auto-generated' },
  })
  const built = await new Promise<Buffer>((resolve, reject) => composer.compile().build((error, message) => (error ? reject(error) : resolve(message))))
  // SMTP sends CRLF line ends and nodemailer converts bare LFs on the wire: convert them here,
  // so the bytes hashed are the bytes the server receives.
  const raw = Buffer.from(built.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1')
  return { raw, hash: createHash('sha256').update(raw).digest('hex') }
}
