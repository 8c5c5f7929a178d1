import type { Transporter } from 'nodemailer'

import { redactUrl } from '../config/redactUrl'

/**
 * Checks at start-up that the SMTP server answers and takes our login. Returns a warning to print
 * when it does not (nothing stops: notices wait in the outbox until it works), or undefined.
 */
export async function checkMailTransport(transport: Transporter, smtpUrl: string | undefined, timeoutMs = 15_000): Promise<string | undefined> {
  if (!smtpUrl) return undefined
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs).unref())
  try {
    await Promise.race([transport.verify(), timeout])
    return undefined
  } catch (error) {
    const e = error as { code?: string; message?: string }
    return `SMTP_URL ${redactUrl(smtpUrl)} does not work (${e.code ? `${e.code}: ` : ''}${e.message ?? String(error)}). Notices wait in the outbox and go out once it does; check the host, port and credentials.`
  }
}
