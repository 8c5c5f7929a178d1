import type { Payload } from 'payload'

import type { RetryPolicy } from '../../domain/noticeAttempt'
import { nextWebhookAttempt } from '../../domain/webhookEvents'
import { webhookSignature } from '../../domain/webhookSignature'
import { claimWebhookDeliveries, type ClaimedDelivery } from './claimWebhookDeliveries'

export interface DeliveryOptions {
  owner: string
  batchSize: number
  leaseMs: number
  timeoutMs: number
  retryPolicy: RetryPolicy
  now?: () => Date
  random?: () => number
}

type Outcome = { delivered: true; status: number } | { delivered: false; status?: number; error: string }

/** POSTs one delivery, signed; 2xx is delivered, anything else (or no answer in time) is not. */
async function post(url: string, secret: string, delivery: ClaimedDelivery, now: Date, timeoutMs: number): Promise<Outcome> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Assent-Webhooks/1',
        'assent-event': delivery.event,
        'assent-delivery': String(delivery.id),
        'assent-signature': webhookSignature(secret, delivery.body, now),
      },
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = (await res.text().catch(() => '')).slice(0, 200)
    if (res.status >= 200 && res.status < 300) return { delivered: true, status: res.status }
    return { delivered: false, status: res.status, error: `HTTP ${res.status}${text ? `: ${text}` : ''}` }
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
    const reason = e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (e.cause?.code ?? e.cause?.message ?? e.message ?? 'request failed')
    return { delivered: false, error: reason }
  }
}

/**
 * One round of the webhook worker: leases due deliveries, POSTs each to its endpoint and records
 * the outcome under the lease (a worker that lost its lease records nothing). A failure is
 * retried with backoff; after the last attempt the delivery is dead, its last error kept.
 */
export async function deliverWebhooks(payload: Payload, options: DeliveryOptions): Promise<{ delivered: number; retried: number; dead: number }> {
  const now = options.now?.() ?? new Date()
  const claimed = await claimWebhookDeliveries(payload, options.owner, options.batchSize, options.leaseMs, now)
  const result = { delivered: 0, retried: 0, dead: 0 }
  await Promise.all(
    claimed.map(async (delivery) => {
      const endpoint = await payload.findByID({ collection: 'webhook-endpoints', id: delivery.endpoint, depth: 0, disableErrors: true })
      const outcome: Outcome = endpoint?.active ? await post(endpoint.url, endpoint.secret!, delivery, now, options.timeoutMs) : { delivered: false, error: 'the endpoint was removed or turned off' }
      const at = (options.now?.() ?? new Date()).toISOString()
      const next = outcome.delivered || !endpoint?.active ? undefined : nextWebhookAttempt(delivery.attempts, new Date(at), options.random ?? Math.random, options.retryPolicy)
      const data = outcome.delivered
        ? { status: 'delivered', deliveredAt: at, lastStatus: outcome.status, lastError: null }
        : { status: next ? 'pending' : 'dead', nextAttemptAt: next?.toISOString() ?? null, lastStatus: outcome.status ?? null, lastError: outcome.error }
      await payload.db.updateOne({
        collection: 'webhook-deliveries',
        where: { and: [{ id: { equals: delivery.id } }, { leaseOwner: { equals: options.owner } }] },
        data: { ...data, attempts: delivery.attempts, leaseOwner: null, leaseExpiresAt: null },
      })
      result[outcome.delivered ? 'delivered' : next ? 'retried' : 'dead']++
    }),
  )
  return result
}
