import type { LeaseRequest } from './outboxRows'

/** What a claim writes on a row: leased to `owner` until the lease expires, no next attempt
 * while it is held. */
export function leaseFields({ owner, leaseMs, now }: LeaseRequest): Record<string, string | null> {
  const at = now.toISOString()
  return { status: 'sending', nextAttemptAt: null, leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs).toISOString(), lastAttemptAt: at, updatedAt: at }
}

/** What putting back an expired lease writes: due again at `at`, nobody's, with why. */
export const releasedLeaseFields = (at: string, lastError: string): Record<string, string | null> =>
  ({ status: 'pending', nextAttemptAt: at, leaseOwner: null, leaseExpiresAt: null, lastError, updatedAt: at })
