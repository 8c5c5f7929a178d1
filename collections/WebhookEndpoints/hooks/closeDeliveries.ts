import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * Deleting an endpoint keeps its deliveries as history: each keeps the URL it was sent to (the
 * relationship empties itself), and those not yet delivered are closed as dead, with the reason.
 */
export const closeDeliveries: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const endpoint = await req.payload.findByID({ collection: 'webhook-endpoints', id, depth: 0, req, disableErrors: true })
  if (!endpoint) return
  const ofEndpoint = { endpoint: { equals: id } }
  await req.payload.update({ collection: 'webhook-deliveries', where: { and: [ofEndpoint, { endpointUrl: { exists: false } }] }, data: { endpointUrl: endpoint.url }, depth: 0, req })
  await req.payload.update({
    collection: 'webhook-deliveries',
    where: { and: [ofEndpoint, { status: { in: ['pending', 'sending'] } }] },
    data: { status: 'dead', nextAttemptAt: null, leaseOwner: null, leaseExpiresAt: null, lastError: 'the endpoint was deleted before this was delivered' },
    depth: 0,
    req,
  })
}
