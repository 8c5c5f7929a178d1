import type { Payload } from 'payload'

import { receiptBody, signReceipt, type Receipt } from '../../domain/receipt'
import { acceptancesStore } from '../../store/acceptances'
import { ledgerSigningKey } from './ledgerSigningKey'

/** The signed receipt of a stored acceptance, from its ledger entry; null when the ledger lacks it. */
export async function acceptanceReceipt(payload: Payload, acceptance: { id: number | string; createdAt: string }, about: { subject: string; policy: string }): Promise<Receipt | null> {
  const entry = await acceptancesStore(payload).ledgerEntryOf(acceptance)
  if (!entry) return null
  const key = ledgerSigningKey()
  return signReceipt(receiptBody(entry, about), key.privateKey, key.publicKey)
}
