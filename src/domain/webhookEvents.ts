/** What a webhook endpoint can subscribe to. */
export const webhookEvents = ['version.published', 'version.effective', 'acceptance.recorded', 'notice.dead'] as const
export type WebhookEvent = (typeof webhookEvents)[number]

/** A ledger entry as the webhook dispatcher reads it. */
export interface LedgerEvent {
  seq: number
  kind: string
  record: Record<string, unknown>
}

/**
 * The webhook event a ledger entry announces, if any: every acceptance; a notice only when it
 * went dead (its last attempt failed). The key makes each event unique per endpoint.
 */
export function eventOfLedgerEntry(entry: LedgerEvent): { event: WebhookEvent; key: string; data: Record<string, unknown> } | undefined {
  if (entry.kind === 'acceptance') return { event: 'acceptance.recorded', key: `ledger:${entry.seq}`, data: { ledgerSeq: entry.seq, ...entry.record } }
  if (entry.kind === 'notice' && entry.record.status === 'dead') return { event: 'notice.dead', key: `ledger:${entry.seq}`, data: { ledgerSeq: entry.seq, ...entry.record } }
  return undefined
}

/** Exponential backoff with full jitter before attempt `attempts + 1`, or undefined: give up. */
export function nextWebhookAttempt(attempts: number, now: Date, random: () => number, policy: { maxAttempts: number; baseMs: number; capMs: number }): Date | undefined {
  if (attempts >= policy.maxAttempts) return undefined
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempts - 1))
  return new Date(now.getTime() + Math.max(policy.baseMs / 2, random() * ceiling))
}
