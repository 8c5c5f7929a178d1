import type { PayloadRequest } from 'payload'

import type { LedgerKind } from '../../domain/ledgerBody'
import { appendLedgerEntries } from './appendLedgerEntries'

/** Appends one entry to the ledger inside the caller's transaction (see appendLedgerEntries). */
export const appendLedgerEntry = (req: PayloadRequest, kind: LedgerKind, record: Record<string, unknown>): Promise<void> =>
  appendLedgerEntries(req, [{ kind, record }])
