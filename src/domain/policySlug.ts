/**
 * The one policy-slug rule: lowercase letters and digits in words joined by single hyphens
 * (`privacy`, `terms-of-service`), the address under /legal/. The collection, the API's paths and
 * bodies, the export filter and the import command all check slugs with it. No length limit: a
 * policy may already hold a long slug, and every route must still reach it.
 */
export const POLICY_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Whether a value is a well-formed policy slug. */
export function isPolicySlug(value: unknown): value is string {
  return typeof value === 'string' && POLICY_SLUG_PATTERN.test(value)
}
