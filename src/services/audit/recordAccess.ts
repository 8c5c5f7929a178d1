import type { Payload, PayloadRequest } from 'payload'

/** One auditor read to log. */
export interface AccessEvent {
  actor: string
  action: 'read' | 'export' | 'evidence' | 'coverage'
  resource: string
  detail?: string
  count?: number
}

/**
 * Logs an auditor's read of personal data. Written outside any transaction of the read itself
 * (`req` only carries the caller's context), so a read is logged even when nothing else is written.
 */
export async function recordAccess(payload: Payload, event: AccessEvent, req?: PayloadRequest): Promise<void> {
  await payload.create({
    collection: 'access-records',
    data: { ...event, detail: event.detail?.slice(0, 2000), at: new Date().toISOString() },
    context: { ...(req?.context ?? {}), accessRecord: true },
  })
}
