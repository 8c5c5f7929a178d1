import path from 'node:path'

import nodemailer, { type Transporter } from 'nodemailer'
import shared from 'nodemailer/lib/shared'

import { ConfigError } from '../config/ConfigError'
import { redactUrl } from '../config/redactUrl'
import { emlFileTransport } from './emlFileTransport'
import { noDelaySocket } from './noDelaySocket'

const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 }

/** Pooled SMTP when SMTP_URL is set (query parameters are nodemailer options, e.g. ?greetingTimeout=5000); otherwise .eml files under data/mail/. */
export function createMailTransport(smtpUrl: string | undefined, dataDir: string): Transporter {
  if (!smtpUrl) return nodemailer.createTransport(emlFileTransport(path.join(dataDir, 'mail')))
  if (!/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError(`SMTP_URL "${redactUrl(smtpUrl)}" must look like smtp://user:pass@host:587 or smtps://host:465.`)
  }
  const url = new URL(smtpUrl)
  url.searchParams.set('pool', 'true')
  // nodemailer waits up to 10 minutes on a silent socket; a notice's lease must outlast an attempt.
  for (const [name, ms] of Object.entries(TIMEOUTS)) if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms))
  return nodemailer.createTransport({ ...shared.parseConnectionUrl(url.toString()), getSocket: noDelaySocket } as never)
}
