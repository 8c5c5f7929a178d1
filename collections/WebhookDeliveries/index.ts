import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../src/access/isAdmin'
import { nobody } from '../../src/access/nobody'
import { webhookEvents } from '../../src/domain/webhookEvents'

/**
 * The webhook outbox: one row per event × endpoint, created once (unique key), sent by the
 * worker under a lease, retried with backoff, dead after the last attempt with the last error.
 * Rows outlive their endpoint: deleting one keeps its history, with the URL it was sent to.
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: { singular: 'Webhook delivery', plural: 'Webhook deliveries' },
  admin: { useAsTitle: 'eventKey', defaultColumns: ['event', 'endpoint', 'status', 'attempts', 'lastStatus', 'lastError', 'createdAt'], group: 'Integrations' },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['endpoint', 'eventKey'], unique: true }, { fields: ['status', 'leaseExpiresAt'] }],
  fields: [
    { name: 'endpoint', type: 'relationship', relationTo: 'webhook-endpoints', index: true, admin: { description: 'Empty once the endpoint was deleted.' } },
    { name: 'endpointUrl', type: 'text', admin: { description: "The endpoint's URL when the event was queued." } },
    { name: 'event', type: 'select', required: true, options: [...webhookEvents] },
    { name: 'eventKey', type: 'text', required: true },
    { name: 'body', type: 'textarea', required: true, admin: { description: 'Exactly what is POSTed and signed.' } },
    { name: 'status', type: 'select', required: true, defaultValue: 'pending', options: ['pending', 'sending', 'delivered', 'dead'] },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'nextAttemptAt', type: 'date', index: true },
    { name: 'lastAttemptAt', type: 'date' },
    { name: 'lastStatus', type: 'number', admin: { description: "The endpoint's last HTTP status." } },
    { name: 'lastAnswerBytes', type: 'number', admin: { description: "The size of the endpoint's last answer (read up to 1 MiB); its body is never kept." } },
    { name: 'lastAnswerSha256', type: 'text', admin: { description: "SHA-256 of the last answer's body, to compare with the endpoint's logs." } },
    { name: 'lastError', type: 'text', admin: { description: 'Why the last attempt failed.' } },
    { name: 'deliveredAt', type: 'date' },
    { name: 'leaseOwner', type: 'text', admin: { hidden: true } },
    { name: 'leaseExpiresAt', type: 'date', admin: { hidden: true } },
  ],
}
