import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, type CollectionConfig } from 'payload'
import { pino } from 'pino'
import { build as prettyLogs } from 'pino-pretty'

import { AccessRecords } from '../collections/AccessRecords/index'
import { Acceptances } from '../collections/Acceptances/index'
import { guardDocumentLocks } from '../collections/LockedDocuments/index'
import { BannerTemplate } from '../collections/BannerTemplate/index'
import { ApiKeys } from '../collections/ApiKeys/index'
import { IdempotencyRecords } from '../collections/IdempotencyRecords/index'
import { LedgerCheckpoints } from '../collections/LedgerCheckpoints/index'
import { LedgerNodes } from '../collections/LedgerNodes/index'
import { LedgerEntries } from '../collections/LedgerEntries/index'
import { Notices } from '../collections/Notices/index'
import { Policies } from '../collections/Policies/index'
import { PolicyVersions } from '../collections/PolicyVersions/index'
import { SiteLanguages } from '../collections/SiteLanguages/index'
import { VersionTranslations } from '../collections/VersionTranslations/index'
import { Subjects } from '../collections/Subjects/index'
import { Users } from '../collections/Users/index'
import { WebhookDeliveries } from '../collections/WebhookDeliveries/index'
import { WebhookEndpoints } from '../collections/WebhookEndpoints/index'
import { authCookies } from './config/authCookies'
import { loopbackOrigins } from './config/loopbackOrigins'
import { assentEnv } from './config/assentEnv'
import { payloadSecret } from './config/env'
import { logColour } from './config/logColour'
import { createMailTransport } from './mail/createMailTransport'
import { databaseConfig } from './store/database/databaseConfig'

const dirname = path.dirname(fileURLToPath(import.meta.url))
// The process's one read of the environment; code holding Payload takes it from here (envOf).
const env = assentEnv()
const database = databaseConfig(env.databaseUrl)

/** Staff sessions ride a `Secure` cookie when the public URL is https. */
const withAuthCookies = (users: CollectionConfig): CollectionConfig => ({ ...users, auth: { ...(users.auth as object), cookies: authCookies(env.publicUrl) } })

export default buildConfig({
  serverURL: env.publicUrl,
  // Payload adds the public URL itself; on a laptop, the other names of this machine too.
  csrf: loopbackOrigins(env.publicUrl),
  secret: payloadSecret(),
  admin: {
    user: Users.slug,
    // Everything the admin shows comes from Assent itself: its own mark and favicon, and no
    // Gravatar (which would send a hash of each staff email to a third party).
    avatar: 'default',
    meta: {
      titleSuffix: ' · Assent',
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/favicon.svg' }],
      openGraph: { siteName: 'Assent', title: 'Assent', description: 'Legal documents, their versions, notices and acceptances.' },
      defaultOGImageType: 'off',
    },
    importMap: { baseDir: dirname },
    components: {
      graphics: { Logo: '/admin/AssentLogo#AssentLogo', Icon: '/admin/AssentIcon#AssentIcon' },
      // Assent's own overview first, above Payload's collection cards.
      beforeDashboard: ['/admin/PolicyDashboard#PolicyDashboard', '/admin/AcceptanceChart#AcceptanceChart'],
    },
  },
  routes: { admin: '/admin', api: '/api' },
  collections: [withAuthCookies(Users), Policies, database.withNullableUniqueIndex(PolicyVersions), VersionTranslations, Subjects, Acceptances, Notices, LedgerEntries, LedgerCheckpoints, LedgerNodes, AccessRecords, ApiKeys, IdempotencyRecords, WebhookEndpoints, WebhookDeliveries],
  globals: [BannerTemplate, SiteLanguages],
  editor: lexicalEditor(),
  db: database.db,
  custom: { env },
  email: nodemailerAdapter({
    defaultFromAddress: env.mailFrom.address,
    defaultFromName: env.mailFrom.name,
    transport: createMailTransport(env.smtpUrl, env.dataDir),
    skipVerify: true,
  }),
  telemetry: false,
  // Payload's own pretty logger always colours; captured logs (pipes, files, CI) must stay plain.
  logger: pino(prettyLogs({ colorize: logColour(process.stdout, process.env), ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' })),
  typescript: {
    autoGenerate: false,
    outputFile: path.resolve(dirname, 'payload-types.ts'),
  },
  graphQL: { disablePlaygroundInProduction: true },
  // Refusals are answers, not failures: log them quietly.
  loggingLevels: { AssentError: 'info' } as never,
}).then(guardDocumentLocks) // Payload adds the document locks collection while building: its access is set on the result.
