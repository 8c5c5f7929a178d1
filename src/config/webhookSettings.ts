import type { RetryPolicy } from '../domain/noticeAttempt'
import { ConfigError } from './ConfigError'
import { number, retryPolicy } from './noticeSettings'

/** How the webhook worker runs. */
export interface WebhookSettings {
  /** Whether the server delivers webhooks itself (WEBHOOK_WORKER=off: none are sent). */
  inServer: boolean
  batchSize: number
  leaseMs: number
  pollMs: number
  timeoutMs: number
  retryPolicy: RetryPolicy
}

/**
 * WEBHOOK_WORKER (on|off), WEBHOOK_POLL_SECONDS (5), WEBHOOK_TIMEOUT_SECONDS (10),
 * WEBHOOK_LEASE_SECONDS (60), WEBHOOK_MAX_ATTEMPTS (8), WEBHOOK_RETRY_BASE_SECONDS (30),
 * WEBHOOK_RETRY_CAP_SECONDS (3600).
 */
export function webhookSettings(env: NodeJS.ProcessEnv = process.env): WebhookSettings {
  const worker = (env.WEBHOOK_WORKER ?? 'on').toLowerCase()
  if (!['on', 'off'].includes(worker)) throw new ConfigError(`WEBHOOK_WORKER "${env.WEBHOOK_WORKER}" must be on or off.`)
  return {
    inServer: worker === 'on',
    batchSize: 20,
    leaseMs: number(env, 'WEBHOOK_LEASE_SECONDS', 60, 0.5, 86_400) * 1000,
    pollMs: number(env, 'WEBHOOK_POLL_SECONDS', 5, 0.01, 3600) * 1000,
    timeoutMs: number(env, 'WEBHOOK_TIMEOUT_SECONDS', 10, 0.1, 300) * 1000,
    retryPolicy: retryPolicy(env, 'WEBHOOK'),
  }
}
