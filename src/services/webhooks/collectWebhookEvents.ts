import type { Payload } from 'payload'

import { eventOfLedgerEntry } from '../../domain/webhookEvents'
import type { PolicyVersion, WebhookEndpoint } from '../../payload-types'
import { enqueueWebhook } from './enqueueWebhook'
import { versionEventData } from './versionEventData'

const PAGE = 500

/** Ledger entries after `seq`, oldest first. */
async function entriesAfter(payload: Payload, seq: number) {
  const { docs } = await payload.find({ collection: 'ledger-entries', where: { seq: { greater_than: seq } }, sort: 'seq', limit: PAGE, pagination: false, depth: 0, select: { seq: true, kind: true, body: true } })
  return docs.map((d) => ({ seq: d.seq, kind: d.kind, record: (JSON.parse(d.body) as { record: Record<string, unknown> }).record }))
}

/** Acceptances and dead notices since the endpoint's cursor: the ledger is their event log. */
async function fromLedger(payload: Payload, endpoint: WebhookEndpoint, now: Date): Promise<number> {
  const wanted = new Set(endpoint.events)
  if (!wanted.has('acceptance.recorded') && !wanted.has('notice.dead')) return 0
  const entries = await entriesAfter(payload, endpoint.ledgerCursor ?? 0)
  let queued = 0
  for (const entry of entries) {
    const event = eventOfLedgerEntry(entry)
    if (event && wanted.has(event.event) && (await enqueueWebhook(payload, endpoint, event, now))) queued++
  }
  if (entries.length > 0) await payload.update({ collection: 'webhook-endpoints', id: endpoint.id, data: { ledgerCursor: entries[entries.length - 1].seq }, depth: 0 })
  return queued
}

/** Versions that took effect since the endpoint's cursor (after it was registered), once each. */
async function effective(payload: Payload, endpoint: WebhookEndpoint, now: Date, dataOf: (version: PolicyVersion) => Promise<Record<string, unknown>>): Promise<number> {
  if (!endpoint.events.includes('version.effective')) return 0
  const since = endpoint.effectiveCursor ?? endpoint.createdAt
  const { docs } = await payload.find({
    collection: 'policy-versions',
    where: { and: [{ publishedAt: { exists: true } }, { effectiveAt: { greater_than_equal: since } }, { effectiveAt: { less_than_equal: now.toISOString() } }] },
    sort: 'effectiveAt',
    pagination: false,
    depth: 0,
  })
  let queued = 0
  for (const version of docs) {
    const data = await dataOf(version)
    if (await enqueueWebhook(payload, endpoint, { event: 'version.effective', key: `version.effective:${version.id}`, data }, now)) queued++
  }
  // Only versions found move the cursor, so an idle worker writes nothing. The last one is looked
  // at again next time (queued once all the same), so a version with the same instant is not missed.
  if (docs.length > 0) await payload.update({ collection: 'webhook-endpoints', id: endpoint.id, data: { effectiveCursor: docs[docs.length - 1].effectiveAt }, depth: 0 })
  return queued
}

/**
 * Turns what happened since the last look into deliveries, per active endpoint: versions that
 * took effect, and acceptances and dead notices from the ledger. Safe to run on several
 * instances at once: each delivery's (endpoint, key) is unique, so an event is queued once.
 */
export async function collectWebhookEvents(payload: Payload, now: Date, publicUrl: string): Promise<number> {
  const { docs: endpoints } = await payload.find({ collection: 'webhook-endpoints', where: { active: { equals: true } }, pagination: false, depth: 0 })
  // A version's event data is read once per round, however many endpoints want it.
  const read = new Map<PolicyVersion['id'], Promise<Record<string, unknown>>>()
  const dataOf = (version: PolicyVersion) => {
    if (!read.has(version.id)) read.set(version.id, versionEventData(payload, version, publicUrl))
    return read.get(version.id)!
  }
  let queued = 0
  for (const endpoint of endpoints) {
    queued += await fromLedger(payload, endpoint, now)
    queued += await effective(payload, endpoint, now, dataOf)
  }
  return queued
}
