import type { CollectionAfterOperationHook } from 'payload'

import { hasRole } from '../access/roles'
import { accessRecordsStore } from '../store/accessRecords'

/**
 * Every read of personal data by an auditor (admin screens, REST, GraphQL, Local API acting as
 * one) leaves an access record: who, which collection, which records, when.
 */
export const logAuditorReads: CollectionAfterOperationHook = async ({ operation, req, result, collection }) => {
  if ((operation !== 'find' && operation !== 'findByID') || !hasRole(req.user, 'auditor')) return result
  const docs = operation === 'find' ? ((result as { docs?: Array<{ id: unknown }> }).docs ?? []) : [result as { id: unknown }]
  await accessRecordsStore(req.payload).recordAccess({
    actor: String(req.user?.email ?? req.user?.id),
    action: 'read',
    resource: collection.slug,
    detail: `ids: ${docs.map((d) => d?.id).join(', ')}`,
    count: docs.length,
  })
  return result
}
