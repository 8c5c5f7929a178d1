import type { Payload } from 'payload'

import { hasRole } from '../access/roles'
import { LOCKED_DOCUMENTS } from '../../collections/LockedDocuments'

interface CreateArgs {
  collection: string
  data?: { user?: { relationTo?: string; value?: unknown } }
}

const guarded = new WeakSet<object>()

/**
 * Keeps the admin from locking documents for staff who may not edit them. Payload's admin takes a
 * lock when anyone opens a document, by writing to the database directly (its form-state server
 * function), where no access rule runs: an auditor who only looked at a policy held an admin's
 * edit off with 423. Here such a write, for a user who is neither editor nor admin, is skipped.
 */
export function locksOnlyForEditors(payload: Payload): void {
  const db = payload.db as unknown as { create: (args: CreateArgs) => Promise<unknown> }
  if (guarded.has(db)) return
  guarded.add(db)
  const create = db.create.bind(db)
  db.create = async (args) => {
    const holder = args.collection === LOCKED_DOCUMENTS ? args.data?.user : undefined
    if (holder?.relationTo === 'users' && holder.value !== undefined) {
      const user = await payload.findByID({ collection: 'users', id: holder.value as string | number, depth: 0, disableErrors: true })
      if (!hasRole(user ? { ...user, collection: 'users' } : null, 'editor', 'admin')) return null
    }
    return create(args)
  }
}
