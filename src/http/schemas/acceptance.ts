import { z } from 'zod'

import { MAX_EXTERNAL_ID_LENGTH } from '../../domain/externalId'

/** Taken exactly as sent: the subject services refuse ids with edge spaces or control characters
 * (`externalIdProblem`), unless such a subject already exists, so nothing is normalised here. */
const externalId = z.string().min(1).max(MAX_EXTERNAL_ID_LENGTH)
const versionRef = z.strictObject({
  policy: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'policy must be a policy slug'),
  version: z.number().int().positive(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'contentHash must be the SHA-256 (hex) of the text shown'),
})

/** Body of `POST /api/v1/acceptances`. */
export const acceptanceSchema = z.strictObject({
  subject: externalId,
  versions: z.array(versionRef).min(1).max(20),
  method: z.enum(['clickwrap', 'api']).default('clickwrap'),
  source: z.enum(['login-banner', 'embed', 'email-link', 'api']).default('api'),
  locale: z.string().max(35).optional(),
  idempotencyKey: z.string().min(8).max(200).optional(),
})

/** Body of the browser banner's acceptance: the subject comes from the token. */
export const bannerAcceptanceSchema = acceptanceSchema.omit({ subject: true, method: true, source: true })

/** One subject as the host product describes it. */
export const subjectSchema = z.strictObject({
  email: z.email().max(320).nullable().optional(),
  locale: z.string().max(35).nullable().optional(),
  name: z.string().max(300).nullable().optional(),
})

/** Body of `PUT /api/v1/subjects` (bulk). */
export const bulkSubjectsSchema = z.strictObject({
  subjects: z.array(subjectSchema.extend({ externalId })).min(1).max(1000),
})

export const bannerEventSchema = z.strictObject({
  policy: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  version: z.number().int().positive(),
  event: z.enum(['dismissed']),
})
