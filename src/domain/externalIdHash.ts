import { createHash } from 'node:crypto'

/** SHA-256 (hex) of a subject's external id: what the ledger binds of who a subject is, and what
 * an erased subject keeps of the id it had. */
export const externalIdHash = (externalId: string): string => createHash('sha256').update(externalId, 'utf8').digest('hex')
