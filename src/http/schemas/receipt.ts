import { z } from 'zod'

import { RECEIPT_TYPE } from '../../domain/receipt'

/** A signed acceptance receipt as answers carry it (see `src/domain/receipt.ts`); described here
 * for the OpenAPI document. */
export const receiptSchema = z
  .strictObject({
    type: z.literal(RECEIPT_TYPE),
    ledgerSeq: z.number().int().positive().describe('The number of the ledger entry that records the acceptance.'),
    leafHash: z.string().regex(/^[0-9a-f]{64}$/).describe("The entry's leaf hash, SHA-256(0x00 ‖ body), hex."),
    recordedAt: z.string().describe('When the entry was appended (UTC).'),
    acceptance: z.string().describe("The acceptance's id in Assent."),
    subject: z.string().describe('The external id it was recorded for.'),
    policy: z.string().describe('The policy slug.'),
    version: z.number().int().positive(),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the canonical text accepted.'),
    keyFingerprint: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 (hex) of the raw Ed25519 public key that signed it (GET /api/v1/ledger/public-key).'),
    signature: z.string().describe('Ed25519 signature (base64) over the RFC 8785 canonical JSON of every other field.'),
  })
  .describe('Keep it: `npx assent ledger:verify --receipts <file>` proves, against the live ledger or an exported bundle, that the entry is still there with this leaf hash. Null only when the ledger holds no entry for the acceptance.')
