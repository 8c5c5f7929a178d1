import { z } from 'zod'

/** Body of `POST /api/v1/policy-versions/:id/redline`: the editor's unsaved document, if any. */
export const redlineRequestSchema = z.strictObject({
  body: z.record(z.string(), z.unknown()).optional().describe('The rich-text document as the editor holds it; the saved draft when absent.'),
})
