import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import type { WebhookSettings } from '../../config/webhookSettings'
import { pollOutbox } from '../outbox/pollOutbox'
import { collectWebhookEvents } from './collectWebhookEvents'
import { deliverWebhooks } from './deliverWebhooks'

export interface WebhookWorker {
  stop: () => Promise<void>
}

/**
 * Polls for new events and due deliveries until stopped: a full batch goes again at once, anything
 * less waits `pollMs`; an error is logged and the loop goes on.
 */
export function startWebhookWorker(payload: Payload, publicUrl: string, settings: WebhookSettings): WebhookWorker {
  const owner = `webhooks-${randomUUID()}`
  const { stop } = pollOutbox({
    round: async () => {
      await collectWebhookEvents(payload, new Date(), publicUrl)
      const round = await deliverWebhooks(payload, { owner, ...settings })
      return round.delivered + round.retried + round.dead === settings.batchSize ? { next: 'now' } : { next: 'wait', ms: settings.pollMs }
    },
    failed: (error) => {
      payload.logger.warn({ err: error }, 'webhook round failed; trying again')
      return settings.pollMs
    },
    // The server's own listener keeps the process alive; a pause never does.
    holdsProcess: false,
  })
  return { stop }
}
