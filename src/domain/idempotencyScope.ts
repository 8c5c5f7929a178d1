/**
 * Who sent an idempotency key. Each caller has a namespace of its own: a banner user who sends
 * the key a host server used (or the reverse), or one API key another's, neither replays nor
 * blocks the other's request.
 */
export type IdempotencyCaller =
  | { kind: 'api-key'; id: number | string }
  | { kind: 'banner'; subject: string }
  /** Assent's own code (Local API, CLI, tests). */
  | { kind: 'local' }

const callerPart = (caller: IdempotencyCaller): string =>
  caller.kind === 'api-key' ? `api-key:${encodeURIComponent(String(caller.id))}` : caller.kind === 'banner' ? `banner:${encodeURIComponent(caller.subject)}` : 'local:'

/**
 * The key as stored: the caller's namespace, then the caller's key. The caller's part holds no
 * raw colon after its kind (it is URI-encoded), so two callers' stored keys never meet.
 */
export const scopedIdempotencyKey = (caller: IdempotencyCaller, key: string): string => `${callerPart(caller)}:${key}`
