import type { RetryPolicy } from '../domain/noticeAttempt'
import { parseAllowHosts } from '../domain/outbound/outboundHost'
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
  /** Internal hosts (names or addresses) that endpoints may still reach: every other
   * loopback, private, link-local or reserved address is refused. */
  allowHosts: string[]
}

/**
 * WEBHOOK_WORKER (on|off), WEBHOOK_POLL_SECONDS (5), WEBHOOK_TIMEOUT_SECONDS (10),
 * WEBHOOK_LEASE_SECONDS (60), WEBHOOK_MAX_ATTEMPTS (8), WEBHOOK_RETRY_BASE_SECONDS (30),
 * WEBHOOK_RETRY_CAP_SECONDS (3600), WEBHOOK_ALLOW_HOSTS (none; comma-separated).
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
    allowHosts: webhookAllowHosts(env),
  }
}

/** WEBHOOK_ALLOW_HOSTS: the internal hosts webhooks may call, e.g. `hooks.internal,10.0.0.7`. */
export function webhookAllowHosts(env: NodeJS.ProcessEnv = process.env): string[] {
  const parsed = parseAllowHosts(env.WEBHOOK_ALLOW_HOSTS)
  if ('problem' in parsed) throw new ConfigError(`WEBHOOK_ALLOW_HOSTS: ${parsed.problem}.`)
  return parsed.hosts
}
