import type { Payload } from 'payload'

import type { RetryPolicy } from '../../domain/noticeAttempt'
import { nextWebhookAttempt } from '../../domain/webhookEvents'
import { webhookSignature } from '../../domain/webhookSignature'
import { outboxStore, type ClaimedDelivery } from '../../store/outbox'
import type { Resolve } from './guardedLookup'
import { postDelivery, type PostOutcome } from './postDelivery'

export interface DeliveryOptions {
  owner: string
  batchSize: number
  leaseMs: number
  timeoutMs: number
  retryPolicy: RetryPolicy
  /** Internal hosts endpoints may reach (WEBHOOK_ALLOW_HOSTS); every other internal address is refused. */
  allowHosts: readonly string[]
  /** Name resolution; DNS unless a test stands in. */
  resolve?: Resolve
  now?: () => Date
  random?: () => number
}

/** POSTs one delivery, signed, to its endpoint. */
function post(url: string, secret: string, delivery: ClaimedDelivery, now: Date, options: DeliveryOptions): Promise<PostOutcome> {
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Assent-Webhooks/1',
    'assent-event': delivery.event,
    'assent-delivery': String(delivery.id),
    'assent-signature': webhookSignature(secret, delivery.body, now),
  }
  return postDelivery(url, headers, delivery.body, options)
}

/**
 * One round of the webhook worker: leases due deliveries, POSTs each to its endpoint and records
 * the outcome under the lease (a worker that lost its lease records nothing). A failure is
 * retried with backoff; after the last attempt the delivery is dead, its last error kept. Of an
 * answer only the status, size and SHA-256 are kept: an internal service's reply never is.
 */
export async function deliverWebhooks(payload: Payload, options: DeliveryOptions): Promise<{ delivered: number; retried: number; dead: number }> {
  const now = options.now?.() ?? new Date()
  const outbox = outboxStore(payload)
  const claimed = await outbox.claimDeliveries({ owner: options.owner, limit: options.batchSize, leaseMs: options.leaseMs, now })
  const result = { delivered: 0, retried: 0, dead: 0 }
  await Promise.all(
    claimed.map(async (delivery) => {
      const endpoint = delivery.endpoint == null ? null : await payload.findByID({ collection: 'webhook-endpoints', id: delivery.endpoint, depth: 0, disableErrors: true })
      const outcome: PostOutcome = endpoint?.active ? await post(endpoint.url, endpoint.secret!, delivery, now, options) : { delivered: false, error: 'the endpoint was removed or turned off' }
      const at = (options.now?.() ?? new Date()).toISOString()
      const next = outcome.delivered || !endpoint?.active ? undefined : nextWebhookAttempt(delivery.attempts, new Date(at), options.random ?? Math.random, options.retryPolicy)
      const answer = { lastStatus: outcome.status ?? null, lastAnswerBytes: outcome.answer?.bytes ?? null, lastAnswerSha256: outcome.answer?.sha256 ?? null }
      const data = outcome.delivered
        ? { status: 'delivered', deliveredAt: at, ...answer, lastError: null }
        : { status: next ? 'pending' : 'dead', nextAttemptAt: next?.toISOString() ?? null, ...answer, lastError: outcome.error }
      await outbox.recordDelivery(delivery, options.owner, { ...data, attempts: delivery.attempts })
      result[outcome.delivered ? 'delivered' : next ? 'retried' : 'dead']++
    }),
  )
  return result
}
