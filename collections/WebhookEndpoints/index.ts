import { randomBytes } from 'node:crypto'

import type { CollectionConfig, PayloadRequest } from 'payload'

import { isAdmin } from '../../src/access/isAdmin'
import { envOf } from '../../src/config/envOf'
import { webhookEvents } from '../../src/domain/webhookEvents'
import { webhookUrlProblem } from '../../src/domain/webhookUrl'
import { closeDeliveries } from './hooks/closeDeliveries'
import { refuseInternalTarget } from './hooks/refuseInternalTarget'
import { startAtLedgerEnd } from './hooks/startAtLedgerEnd'

/**
 * Where Assent posts its events, signed with the endpoint's secret. An admin registers them;
 * deliveries are kept (Integrations → Webhook deliveries) with their outcome, also after the
 * endpoint is deleted. Internal addresses are refused unless WEBHOOK_ALLOW_HOSTS names them.
 */
export const WebhookEndpoints: CollectionConfig = {
  slug: 'webhook-endpoints',
  labels: { singular: 'Webhook endpoint', plural: 'Webhook endpoints' },
  admin: { useAsTitle: 'url', defaultColumns: ['url', 'events', 'active', 'createdAt'], group: 'Integrations' },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: { beforeChange: [refuseInternalTarget, startAtLedgerEnd], beforeDelete: [closeDeliveries] },
  fields: [
    {
      name: 'url',
      type: 'text',
      required: true,
      validate: (value: unknown, { req }: { req: PayloadRequest }) => {
        const problem = webhookUrlProblem(value, envOf(req.payload).production)
        return problem ? `The URL ${problem}.` : true
      },
      admin: { description: 'Deliveries are POSTed here as JSON.' },
    },
    { name: 'events', type: 'select', hasMany: true, required: true, options: [...webhookEvents] },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { description: 'Off: nothing new is queued for it.' } },
    {
      name: 'secret',
      type: 'text',
      defaultValue: () => `whsec_${randomBytes(24).toString('base64url')}`,
      access: { update: () => false },
      admin: { readOnly: true, description: 'Check each delivery\'s Assent-Signature header with it: t=<unix time>,v1=HMAC-SHA256(secret, "<t>.<body>").' },
    },
    { name: 'ledgerCursor', type: 'number', defaultValue: 0, admin: { hidden: true } },
    { name: 'effectiveCursor', type: 'date', admin: { hidden: true } },
  ],
}
