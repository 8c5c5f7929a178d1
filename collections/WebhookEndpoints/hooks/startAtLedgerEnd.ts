import type { CollectionBeforeChangeHook } from 'payload'

/** A new endpoint hears of what happens from now on, not of the ledger's history. */
export const startAtLedgerEnd: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { docs } = await req.payload.find({ collection: 'ledger-entries', sort: '-seq', limit: 1, pagination: false, depth: 0, select: { seq: true }, req })
  return { ...data, ledgerCursor: docs[0]?.seq ?? 0, effectiveCursor: new Date().toISOString() }
}
