import { z } from 'zod'

import { MAX_EXTERNAL_ID_LENGTH } from '../../domain/externalId'
import { POLICY_SLUG_PATTERN } from '../../domain/policySlug'

/** What the URL and query parameters of `/api/v1` must look like; `src/http/params.ts` checks
 * them with these, and the OpenAPI document describes them from these. */
export const slugParam = z.string().regex(POLICY_SLUG_PATTERN).describe('A policy slug, such as privacy or terms.')
export const wholeNumberParam = z.string().regex(/^(0|[1-9][0-9]{0,8})$/).describe('A whole number: 0, 1, 2…')
export const versionNumberParam = z.string().regex(/^[1-9][0-9]{0,8}$/).describe('A version number: 1, 2, 3…')
/** The one external-id rule, as the API reference states it for paths and bodies alike. */
export const EXTERNAL_ID_RULE = `The host product's id for the user, exactly as it stores it: at most ${MAX_EXTERNAL_ID_LENGTH} characters on every route; a new id must be Unicode NFC and may not start or end with a space or hold control, line-break, invisible or bidirectional formatting characters (400 invalid_external_id, never trimmed or normalised).`
export const externalIdParam = z.string().min(1).max(MAX_EXTERNAL_ID_LENGTH).describe(EXTERNAL_ID_RULE)
export const instantParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/)
  .describe('An ISO-8601 date or date-time, such as 2027-01-31 or 2027-01-31T09:00:00Z.')
export const flagParam = z.enum(['true', 'false', '1', '0']).describe('true or 1 to turn it on.')
export const langParam = z
  .string()
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/)
  .max(35)
  .describe('A language tag such as fr or pt-BR (fr-CA finds fr): the text in that locale where the version has one, else the text it was published with (localeFallback true). A malformed tag is a 400 bad_request.')
