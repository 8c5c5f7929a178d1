import { hostOf, literalInternalHost } from './outboundHost'

/** Why an endpoint URL is refused at registration, if it is. */
export interface WebhookTargetRefusal {
  code: 'webhook_target_not_public'
  message: string
}

/**
 * An endpoint written with a literal internal address (any spelling of loopback, private,
 * link-local, metadata or reserved) or a `localhost` name is refused when it is registered.
 * Names are judged when each delivery connects, so this check is the early, friendly one only.
 * A URL that does not parse is left to the URL's own validation.
 */
export function webhookTargetRefusal(url: unknown, allowHosts: readonly string[]): WebhookTargetRefusal | undefined {
  if (typeof url !== 'string' || !URL.canParse(url)) return undefined
  const host = hostOf(new URL(url))
  const kind = literalInternalHost(host, allowHosts)
  if (!kind) return undefined
  return {
    code: 'webhook_target_not_public',
    message: `The URL points at ${host}, a ${kind} address: webhooks call public addresses only. To deliver to an internal host, list it in WEBHOOK_ALLOW_HOSTS.`,
  }
}
