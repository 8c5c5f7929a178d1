import { z } from 'zod'

import { changeClasses } from '../../domain/changeClass'

/** Body of `POST /api/v1/policy-versions/:id/publish`: the choices of the publish dialog. */
export const publishDraftSchema = z.strictObject({
  changeClass: z.enum(changeClasses, { message: 'Choose a change class: editorial, informational or material.' }),
  summary: z.string({ message: 'Write the summary: it tells people what changed.' }).trim().min(1, 'Write the summary: it tells people what changed.').max(5000, 'The summary is over 5,000 characters.'),
  effectiveAt: z.iso.datetime({ offset: true, message: 'effectiveAt must be a date-time, e.g. 2027-01-31T00:00:00Z.' }).nullable().optional(),
  effectiveOverrideReason: z.string().trim().max(2000).nullable().optional(),
  /** The editor's document as on screen (saved by autosave too); the saved draft when absent. */
  body: z.record(z.string(), z.unknown()).optional(),
  /** The upcoming versions the editor confirmed this one supersedes before they take effect. */
  supersedes: z.array(z.number().int().positive()).max(1000).optional(),
})
