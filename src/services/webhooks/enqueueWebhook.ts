import type { Payload, PayloadRequest, Where } from 'payload'

import type { WebhookEvent } from '../../domain/webhookEvents'
import type { WebhookEndpoint } from '../../payload-types'

/** The active endpoints that asked for `event`. */
export async function subscribedEndpoints(payload: Payload, event: WebhookEvent, req?: PayloadRequest): Promise<WebhookEndpoint[]> {
  const { docs } = await payload.find({ collection: 'webhook-endpoints', where: { and: [{ active: { equals: true } }, { events: { contains: event } }] }, pagination: false, depth: 0, req })
  return docs
}

/**
 * Queues one delivery of an event to an endpoint, once: the (endpoint, key) pair is unique, so a
 * second attempt to queue the same event (another instance, a rescan) adds nothing. The body is
 * fixed here, so every attempt sends and signs the same bytes. Returns whether it was queued.
 */
export async function enqueueWebhook(
  payload: Payload,
  endpoint: WebhookEndpoint,
  event: { event: WebhookEvent; key: string; data: Record<string, unknown> },
  now: Date,
  req?: PayloadRequest,
): Promise<boolean> {
  const where: Where = { and: [{ endpoint: { equals: endpoint.id } }, { eventKey: { equals: event.key } }] }
  if ((await payload.count({ collection: 'webhook-deliveries', where, req })).totalDocs > 0) return false
  const body = JSON.stringify({ id: event.key, event: event.event, occurredAt: now.toISOString(), data: event.data })
  await payload.create({
    collection: 'webhook-deliveries',
    data: { endpoint: endpoint.id, endpointUrl: endpoint.url, event: event.event, eventKey: event.key, body, status: 'pending', attempts: 0, nextAttemptAt: now.toISOString() },
    depth: 0,
    req,
  })
  return true
}
