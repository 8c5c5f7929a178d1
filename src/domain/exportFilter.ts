import { z } from 'zod'

import { POLICY_SLUG_PATTERN } from './policySlug'

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const instant = z
  .string()
  .regex(ISO_8601, { message: 'must be an ISO-8601 date or date-time, e.g. 2027-01-31 or 2027-01-31T09:00:00Z', abort: true })
  .refine((s) => !Number.isNaN(new Date(s).getTime()), 'is not a real date')

/**
 * What an auditor exports: acceptances or notices, as CSV or JSON Lines, narrowed by policy,
 * version, date range (from inclusive, to exclusive) and subject. Unknown or malformed filters are
 * refused, each by name.
 */
export const exportFilterSchema = z
  .strictObject({
    type: z.enum(['acceptances', 'notices']).default('acceptances'),
    format: z.enum(['csv', 'jsonl']).default('csv'),
    policy: z.string().regex(POLICY_SLUG_PATTERN, 'must be a policy slug such as privacy').optional(),
    version: z.coerce.number().int().positive().max(1_000_000).optional(),
    from: instant.optional(),
    to: instant.optional(),
    subject: z.string().min(1).max(256).optional(),
  })
  .refine((f) => f.version === undefined || f.policy !== undefined, { path: ['version'], message: 'needs policy: version numbers belong to a policy' })
  .refine((f) => !f.from || !f.to || new Date(f.from) < new Date(f.to), { path: ['to'], message: 'must be after from' })

export type ExportFilter = z.infer<typeof exportFilterSchema>
