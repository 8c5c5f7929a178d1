/**
 * Every error Assent reports on purpose, with its HTTP status. Codes are part of the public
 * contract: integrations branch on them, so a code never changes meaning once released.
 */
export const errorCatalog = {
  bad_request: 400,
  json_too_deep: 400,
  validation_failed: 400,
  invalid_database_url: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  policy_not_found: 404,
  version_not_found: 404,
  version_frozen: 409,
  version_already_published: 409,
  version_conflict: 409,
  policy_has_published_versions: 409,
  effective_date_too_early: 422,
  effective_date_before_later_version: 422,
  effective_date_before_publish: 422,
  override_requires_admin: 403,
  record_immutable: 409,
  subject_not_found: 404,
  invalid_external_id: 400,
  stale_content_hash: 409,
  version_not_published: 409,
  version_superseded: 409,
  idempotency_conflict: 409,
  token_invalid: 401,
  ledger_tampered: 409,
  rate_limited: 429,
  unsupported_media_type: 415,
  nothing_to_preview: 409,
  approval_required: 409,
  approval_stale: 409,
  approval_by_publisher: 403,
  webhook_target_not_public: 422,
  internal: 500,
} as const

export type ErrorCode = keyof typeof errorCatalog
