import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'

import { ConfigError } from './ConfigError'
import { ensureDataFolder } from './ensureFolder'
import { payloadSecretProblem } from './productionSecrets'
import { isLocaleTag, parseLocaleList } from '../domain/locale/localeTag'

/** Assent's settings, read once from the environment. */
export interface AssentEnv {
  port: number
  databaseUrl: string
  publicUrl: string
  production: boolean
  dataDir: string
  /** Pooled SMTP for notices and staff mail; without it mail goes to data/mail/*.eml. */
  smtpUrl?: string
  mailFrom: { name: string; address: string }
  /** The organisation whose documents these are (`ORGANISATION_NAME`): named by the Legal Center's
   * pages, feeds, mail and banner. Never Assent's own name, which is the software's. */
  organisationName: string
  /** express "trust proxy" setting (hops, or addresses) for the client IP recorded as evidence. */
  trustProxy?: number | string
  rateLimits: RateLimits
  /** The locales a first start offers (`LOCALES`) and its default (`DEFAULT_LOCALE`); after
   * that, the admin's "Languages" settings decide. */
  languages: SiteLanguageSettings
}

/** The locales a site offers its readers, and the one new versions are written in. */
export interface SiteLanguageSettings {
  locales: string[]
  defaultLocale: string
}

/** How many requests a caller may make before answers turn to 429 (see docs/reliability.md). */
export interface RateLimits {
  /** Failed staff logins per client IP per 15 minutes. */
  loginFailures: number
  /** Password-reset requests per client IP, and per staff address, per 15 minutes. */
  passwordResets: number
  /** Banner tokens per subject per minute. */
  tokens: number
  /** Acceptance requests per subject per minute, integration API and banner together. */
  acceptances: number
}

/** Where Assent keeps its SQLite database when DATABASE_URL is not set: in the data folder (a
 * `%`, `#` or `?` in its path escaped, as a URL must). */
export const defaultDatabaseUrl = (dataDir: string): string =>
  `file:${path.join(dataDir, 'assent.db').replace(/[%#?]/g, (c) => encodeURIComponent(c))}`

/** What pages and mail call the organisation until `ORGANISATION_NAME` is set. */
export const DEFAULT_ORGANISATION_NAME = 'Example Organisation'

/** A positive integer from the environment, or the default. */
function limit(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name} "${value}" must be a whole number of requests, at least 1.`)
  return n
}

/** `LOCALES` and `DEFAULT_LOCALE`: English alone unless set; the default is offered first. */
function languages(env: NodeJS.ProcessEnv): SiteLanguageSettings {
  const list = parseLocaleList(env.LOCALES ?? '')
  if ('bad' in list) throw new ConfigError(`LOCALES holds ${list.bad.map((b) => `"${b}"`).join(', ')}: give language tags separated by commas, e.g. LOCALES=en,fr,de.`)
  const defaultLocale = env.DEFAULT_LOCALE || list.locales[0] || 'en'
  if (!isLocaleTag(defaultLocale)) throw new ConfigError(`DEFAULT_LOCALE "${defaultLocale}" is not a language tag: set it to one such as en, fr or pt-BR.`)
  return { locales: [defaultLocale, ...list.locales.filter((l) => l !== defaultLocale)], defaultLocale }
}

/** Reads and checks the environment; a bad value stops start-up with how to fix it. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): AssentEnv {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT "${env.PORT}" is not a port number: set PORT to an integer between 1 and 65535.`)
  }
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '')
  if (!/^https?:\/\/[^/]+/.test(publicUrl)) {
    throw new ConfigError(`PUBLIC_URL "${env.PUBLIC_URL}" must be an absolute http(s) URL, e.g. https://legal.example.com.`)
  }
  const organisationName = env.ORGANISATION_NAME?.trim() || DEFAULT_ORGANISATION_NAME
  if (organisationName.length > 200 || /[\u0000-\u001f<>]/.test(organisationName)) {
    throw new ConfigError(`ORGANISATION_NAME must be a plain name of at most 200 characters, without line breaks or angle brackets.`)
  }
  const dataDir = path.resolve(env.ASSENT_DATA_DIR ?? 'data')
  return {
    port,
    databaseUrl: env.DATABASE_URL || defaultDatabaseUrl(dataDir),
    publicUrl,
    // npm start runs Next in production mode on a laptop too (and the admin's build, tests): ASSENT_ENV,
    // when set, says whether this is a deployment; unset, NODE_ENV=production says it is.
    production: env.ASSENT_ENV ? env.ASSENT_ENV === 'production' : env.NODE_ENV === 'production',
    dataDir,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ? parseMailFrom(env.MAIL_FROM, organisationName) : { name: organisationName, address: 'legal@localhost' },
    organisationName,
    trustProxy: env.TRUST_PROXY ? (/^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY) : undefined,
    rateLimits: {
      loginFailures: limit(env, 'RATE_LIMIT_LOGIN_FAILURES', 10),
      passwordResets: limit(env, 'RATE_LIMIT_PASSWORD_RESETS', 5),
      tokens: limit(env, 'RATE_LIMIT_TOKENS', 30),
      acceptances: limit(env, 'RATE_LIMIT_ACCEPTANCES', 120),
    },
    languages: languages(env),
  }
}

/** `Name <address>` or a bare address (sent under the organisation's name). */
function parseMailFrom(value: string, organisationName: string): AssentEnv['mailFrom'] {
  const match = value.match(/^\s*(?:"?([^"<]*?)"?\s*<([^>]+@[^>]+)>|([^\s<>]+@[^\s<>]+))\s*$/)
  if (!match) throw new ConfigError(`MAIL_FROM "${value}" must be an address or "Name <address>".`)
  return { name: (match[1] ?? '').trim() || organisationName, address: match[2] ?? match[3] }
}

/**
 * The secret Payload signs sessions (and banner tokens) with: `PAYLOAD_SECRET`, required and
 * strong in production (see secretStrength.ts); elsewhere it is generated once into the data
 * folder so a new user's sessions survive restarts.
 */
export function payloadSecret(env: NodeJS.ProcessEnv = process.env): string {
  const { production, dataDir } = readEnv(env)
  if (production) {
    const problem = payloadSecretProblem(env.PAYLOAD_SECRET)
    if (problem) throw new ConfigError(problem)
  }
  if (env.PAYLOAD_SECRET) return env.PAYLOAD_SECRET
  const file = path.join(dataDir, 'payload-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  ensureDataFolder(dataDir)
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}
