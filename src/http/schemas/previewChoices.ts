import { z } from 'zod'

import { changeClasses } from '../../domain/changeClass'
import type { PreviewChoices } from '../../services/editing/draftPreview'
import { instantParam } from './params'

/** Whether the calendar day of an ISO date exists (2031-02-31 does not). */
const isRealDay = (text: string) => {
  const date = new Date(text)
  return !Number.isNaN(date.getTime()) && (text.length > 10 || date.toISOString().slice(0, 10) === text)
}

/** Query of the preview routes: the publish dialog's choices, not saved yet, over the draft's. */
export const previewChoicesSchema = z.object({
  changeClass: z.enum(changeClasses).optional().describe('The change class chosen in the dialog.'),
  summary: z.string().trim().min(1).max(5000).optional().describe('The summary written in the dialog.'),
  effectiveAt: instantParam.refine(isRealDay, 'is not a real date').optional().describe('The effective date chosen in the dialog.'),
})

/** Preview choices from a query string, or a 400 naming the bad parameter. */
export function previewChoices(query: unknown): PreviewChoices {
  const { effectiveAt, ...rest } = previewChoicesSchema.parse(query ?? {})
  return { ...rest, ...(effectiveAt ? { effectiveAt: new Date(effectiveAt) } : {}) }
}
