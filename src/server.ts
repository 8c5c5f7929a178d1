import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { RequestHandler } from 'express'
import next from 'next'

import { assentEnv } from './config/assentEnv'
import { ConfigError } from './config/ConfigError'
import { ensureDataFolder } from './config/ensureFolder'
import { noticeSettings } from './config/noticeSettings'
import { checkSecrets } from './config/productionSecrets'
import { createApp } from './http/createApp'
import { listen, serve } from './http/listen'
import { checkMailTransport } from './mail/checkMailTransport'
import { createMailTransport } from './mail/createMailTransport'
import { ensureAdmin } from './services/staff/ensureAdmin'
import { createCheckpoint } from './services/ledger/createCheckpoint'
import { ledgerSigningKey } from './services/ledger/ledgerSigningKey'
import { startNoticeWorker, type NoticeWorker } from './services/notices/noticeWorker'
import { startWebhookWorker, type WebhookWorker } from './services/webhooks/webhookWorker'
import { webhookSettings } from './config/webhookSettings'
import { seedPolicies } from './services/publishing/seedPolicies'
import { startPayload } from './startPayload'
import { databaseWarning } from './store/database/databaseWarning'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Next, serving Payload's admin from the build `npm start` made (or in dev mode with --dev). */
async function adminHandler(dev: boolean): Promise<RequestHandler> {
  const nextApp = next({ dev, dir: root })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()
  return (req, res) => void handle(req, res)
}

async function main(): Promise<void> {
  const env = assentEnv()
  const notices = noticeSettings()
  const webhooks = webhookSettings()
  // Everything that can be wrong with the settings, and a port already taken, is said before
  // anything is written.
  checkSecrets(process.env, env.production)
  const server = await listen(env.port)
  ensureDataFolder(env.dataDir)
  ledgerSigningKey() // generated into data/ on first start when LEDGER_SIGNING_KEY is absent
  const payload = await startPayload()
  const admin = await ensureAdmin(payload)
  if (admin?.generatedPassword) {
    console.log(`\n  First admin created: ${admin.email} / ${admin.generatedPassword}\n  (shown once: write it down, or set ASSENT_ADMIN_EMAIL and ASSENT_ADMIN_PASSWORD)\n`)
  } else if (admin) {
    console.log(`First admin created: ${admin.email} (password from ASSENT_ADMIN_PASSWORD)`)
  }
  // A deployment starts empty: demo policies would be live legal text nobody wrote.
  if (!env.production && (await seedPolicies(payload))) console.log('Seeded the privacy policy (versions 1 and 2, in English and French) and the terms of service.')

  const transport = createMailTransport(env.smtpUrl, env.dataDir)
  const nextHandler = process.env.ASSENT_ADMIN === 'off' ? undefined : await adminHandler(process.argv.includes('--dev'))
  serve(server, createApp({ payload, env, nextHandler }))
  console.log(`Assent is serving ${env.publicUrl}  (admin: ${env.publicUrl}/admin, health: ${env.publicUrl}/healthz)`)

  // Workers start only once this instance serves: a start-up that fails leaves nothing running.
  const minutes = Number(process.env.LEDGER_CHECKPOINT_MINUTES ?? 10)
  if (minutes > 0) {
    // Several instances may run this: checkpoints are unique by tree size, so one of them wins.
    setInterval(() => createCheckpoint(payload).catch((error) => payload.logger.warn({ err: error }, 'ledger checkpoint skipped')), minutes * 60_000).unref()
  }
  // Checked beside start-up, not before it: an SMTP host that never answers must not delay serving.
  const warn = (warning: string | undefined) => warning && console.warn(`\n  Warning: ${warning}\n`)
  void checkMailTransport(transport, env.smtpUrl).then(warn)
  // A setting that cannot be read is not worth a warning of its own.
  void databaseWarning(payload).then(warn, () => undefined)
  if (!env.smtpUrl) console.log(`No SMTP_URL: notices are written as .eml files under ${path.join(env.dataDir, 'mail')}.`)
  const worker: NoticeWorker | undefined = notices.inServer ? startNoticeWorker({ payload, transport, from: env.mailFrom, organisationName: env.organisationName, publicUrl: env.publicUrl, ...notices }) : undefined
  const webhookWorker: WebhookWorker | undefined = webhooks.inServer ? startWebhookWorker(payload, env.publicUrl, webhooks) : undefined

  const stop = async () => {
    await worker?.stop()
    await webhookWorker?.stop()
    transport.close()
    server.close(() => process.exit(0))
  }
  process.once('SIGTERM', () => void stop())
  process.once('SIGINT', () => void stop())
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    for (const line of error.message.split('\n')) console.error(`assent: ${line}`)
  } else {
    console.error('assent: start-up failed:', error)
  }
  process.exit(1)
})
