import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import type { WebhookSettings } from '../../config/webhookSettings'
import { collectWebhookEvents } from './collectWebhookEvents'
import { deliverWebhooks } from './deliverWebhooks'

export interface WebhookWorker {
  stop: () => Promise<void>
}

/** Polls for new events and due deliveries until stopped; an error is logged and the loop goes on. */
export function startWebhookWorker(payload: Payload, publicUrl: string, settings: WebhookSettings): WebhookWorker {
  const owner = `webhooks-${randomUUID()}`
  let running = true
  let wake: () => void = () => undefined
  const loop = (async () => {
    while (running) {
      let busy = false
      try {
        await collectWebhookEvents(payload, new Date(), publicUrl)
        const round = await deliverWebhooks(payload, { owner, ...settings })
        busy = round.delivered + round.retried + round.dead === settings.batchSize
      } catch (error) {
        payload.logger.warn({ err: error }, 'webhook round failed; trying again')
      }
      if (!busy && running) await new Promise<void>((resolve) => {
        wake = resolve
        setTimeout(resolve, settings.pollMs).unref()
      })
    }
  })()
  return {
    stop: async () => {
      running = false
      wake()
      await loop
    },
  }
}
