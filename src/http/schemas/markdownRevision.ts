import { z } from 'zod'

import { changeClasses } from '../../domain/changeClass'
import { localeTagSchema, translationTextSchema } from './translationText'

/** Body of `POST /api/v1/policies/:slug/versions`. */
export const markdownRevisionSchema = z.strictObject({
  markdown: z.string().trim().min(1, 'markdown is required').max(2_000_000, 'markdown is over 2 MB'),
  changeClass: z.enum(changeClasses),
  summary: z.string().trim().min(1, 'summary is required').max(5000),
  effectiveAt: z.iso.datetime({ offset: true, message: 'effectiveAt must be an ISO-8601 date-time, e.g. 2027-01-31T00:00:00Z' }).optional(),
  effectiveOverrideReason: z.string().trim().min(1).max(2000).optional(),
  /** Texts in other locales, published (and frozen) with the version. */
  translations: z.record(localeTagSchema, translationTextSchema).optional(),
})
