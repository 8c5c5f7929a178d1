import path from 'node:path'

import nodemailer, { type Transporter } from 'nodemailer'

import { ConfigError } from '../config/ConfigError'
import { redactUrl } from '../config/databaseKind'
import { emlFileTransport } from './emlFileTransport'

/** Pooled SMTP when SMTP_URL is set; otherwise .eml files under data/mail/. */
export function createMailTransport(smtpUrl: string | undefined, dataDir: string): Transporter {
  if (!smtpUrl) return nodemailer.createTransport(emlFileTransport(path.join(dataDir, 'mail')))
  if (!/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError(`SMTP_URL "${redactUrl(smtpUrl)}" must look like smtp://user:pass@host:587 or smtps://host:465.`)
  }
  const url = new URL(smtpUrl)
  url.searchParams.set('pool', 'true')
  return nodemailer.createTransport(url.toString())
}
