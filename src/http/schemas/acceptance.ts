import { z } from 'zod'

import { MAX_EXTERNAL_ID_LENGTH } from '../../domain/externalId'
import { POLICY_SLUG_PATTERN } from '../../domain/policySlug'
import { EXTERNAL_ID_RULE } from './params'

/** Taken exactly as sent: the subject services check it with the one external-id rule
 * (`externalIdProblem`; length for every id, the rest unless such a subject already exists) and
 * answer 400 `invalid_external_id` naming it, on this route as on the path; nothing is normalised
 * here. Only a missing id is a body error; the maximum length is shown in the OpenAPI document
 * without zod checking it first, so an overlong id gets the same answer as in a path. */
const externalId = z.string().min(1).meta({ maxLength: MAX_EXTERNAL_ID_LENGTH, description: EXTERNAL_ID_RULE })
const versionRef = z.strictObject({
  policy: z.string().regex(POLICY_SLUG_PATTERN, 'policy must be a policy slug'),
  version: z.number().int().positive(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'contentHash must be the SHA-256 (hex) of the text shown'),
})

/** Body of `POST /api/v1/acceptances`. */
export const acceptanceSchema = z.strictObject({
  subject: externalId,
  versions: z.array(versionRef).min(1).max(20),
  method: z.enum(['clickwrap', 'api']).default('clickwrap'),
  source: z.enum(['login-banner', 'embed', 'email-link', 'api']).default('api'),
  locale: z.string().max(35).optional().describe('The reader\'s interface language (optional). The acceptance records the locale of the text whose contentHash is given: the text shown.'),
  idempotencyKey: z.string().min(8).max(200).optional(),
})

/** Body of the browser banner's acceptance: the subject comes from the token. */
export const bannerAcceptanceSchema = acceptanceSchema.omit({ subject: true, method: true, source: true })

/** One subject as the host product describes it. */
export const subjectSchema = z.strictObject({
  email: z.email().max(320).nullable().optional(),
  locale: z.string().max(35).nullable().optional().describe('The subject\'s language (a tag such as fr or pt-BR): status, banner and notices use the text in it when the version has one.'),
  name: z.string().max(300).nullable().optional(),
})

/** Body of `PUT /api/v1/subjects` (bulk). */
export const bulkSubjectsSchema = z.strictObject({
  subjects: z.array(subjectSchema.extend({ externalId })).min(1).max(1000),
})

export const bannerEventSchema = z.strictObject({
  policy: z.string().regex(POLICY_SLUG_PATTERN),
  version: z.number().int().positive(),
  event: z.enum(['dismissed']),
})
