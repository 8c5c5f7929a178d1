import { z } from 'zod'

import { localeTagSchema } from './translationText'

/** Body of `POST /api/v1/policy-versions/:id/redline`: the editor's unsaved document, if any. */
export const redlineRequestSchema = z.strictObject({
  body: z.record(z.string(), z.unknown()).optional().describe('The rich-text document as the editor holds it; the saved draft when absent.'),
  locale: localeTagSchema.optional().describe('A locale other than the version\'s own: the redline of its translation in that locale against the previous version\'s text in it (body is then ignored).'),
})
