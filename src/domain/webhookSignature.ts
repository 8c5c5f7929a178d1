import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The `Assent-Signature` header of a webhook delivery, as payment providers sign theirs:
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>`. The time is
 * inside what is signed, so a receiver can refuse a replay by its age.
 */
export function webhookSignature(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000)
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`
}

/** Why a receiver should refuse a delivery, or undefined when the signature is good and fresh. */
export function webhookSignatureProblem(secret: string, header: string | undefined, body: string, now: Date, toleranceSeconds = 300): string | undefined {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.trim().split('=', 2) as [string, string]))
  const t = Number(parts.t)
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return 'no signature'
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return 'too old: a replay, or a clock far off'
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest()
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex')) ? undefined : 'signature does not match'
}
