import type { Payload, PayloadRequest } from 'payload'

/** One auditor read to log. */
export interface AccessEvent {
  actor: string
  action: 'read' | 'export' | 'evidence' | 'coverage'
  resource: string
  detail?: string
  count?: number
}

/** The stored form of an access record (also written directly by the lean export CLI). */
export const accessRecordData = (event: AccessEvent, at = new Date()) => ({ ...event, detail: event.detail?.slice(0, 2000) ?? null, count: event.count ?? null, at: at.toISOString() })

/**
 * Logs an auditor's read of personal data. Written outside any transaction of the read itself
 * (`req` only carries the caller's context), so a read is logged even when nothing else is written.
 */
export async function recordAccess(payload: Payload, event: AccessEvent, req?: PayloadRequest): Promise<void> {
  await payload.create({
    collection: 'access-records',
    data: accessRecordData(event),
    context: { ...(req?.context ?? {}), accessRecord: true },
  })
}
