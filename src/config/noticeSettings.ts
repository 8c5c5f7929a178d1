import type { RetryPolicy } from '../domain/noticeAttempt'
import { ConfigError } from './ConfigError'

/** How the notice workers run. */
export interface NoticeSettings {
  /** Whether the server runs a worker itself (NOTICE_WORKER=off leaves it to `notices:run`). */
  inServer: boolean
  batchSize: number
  concurrency: number
  leaseMs: number
  pollMs: number
  retryPolicy: RetryPolicy
}

/** A number setting within bounds, or the default; out of bounds stops start-up naming it. */
export function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || value > max) throw new ConfigError(`${name} "${raw}" must be a number from ${min} to ${max}.`)
  return value
}

/** `<PREFIX>_MAX_ATTEMPTS` (8), `<PREFIX>_RETRY_BASE_SECONDS` (30), `<PREFIX>_RETRY_CAP_SECONDS` (3600). */
export function retryPolicy(env: NodeJS.ProcessEnv, prefix: 'NOTICE' | 'WEBHOOK'): RetryPolicy {
  return {
    maxAttempts: number(env, `${prefix}_MAX_ATTEMPTS`, 8, 1, 100),
    baseMs: number(env, `${prefix}_RETRY_BASE_SECONDS`, 30, 0.001, 86_400) * 1000,
    capMs: number(env, `${prefix}_RETRY_CAP_SECONDS`, 3600, 0.001, 7 * 86_400) * 1000,
  }
}

/**
 * Reads the notice settings: NOTICE_WORKER (on|off), NOTICE_BATCH_SIZE (200), NOTICE_CONCURRENCY
 * (5, like the SMTP pool), NOTICE_LEASE_SECONDS (900), NOTICE_POLL_SECONDS (5),
 * NOTICE_MAX_ATTEMPTS (8), NOTICE_RETRY_BASE_SECONDS (30), NOTICE_RETRY_CAP_SECONDS (3600).
 */
export function noticeSettings(env: NodeJS.ProcessEnv = process.env): NoticeSettings {
  const worker = (env.NOTICE_WORKER ?? 'on').toLowerCase()
  if (!['on', 'off'].includes(worker)) throw new ConfigError(`NOTICE_WORKER "${env.NOTICE_WORKER}" must be on or off.`)
  return {
    inServer: worker === 'on',
    batchSize: number(env, 'NOTICE_BATCH_SIZE', 200, 1, 1000),
    concurrency: number(env, 'NOTICE_CONCURRENCY', 5, 1, 50),
    leaseMs: number(env, 'NOTICE_LEASE_SECONDS', 900, 0.5, 86_400) * 1000,
    pollMs: number(env, 'NOTICE_POLL_SECONDS', 5, 0.01, 3600) * 1000,
    retryPolicy: retryPolicy(env, 'NOTICE'),
  }
}
