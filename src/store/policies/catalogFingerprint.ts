/** Columns that change whenever the status catalog does: a publication writes a version row
 * (published versions are frozen, never deleted) and adds one to the published count, a
 * translation frozen adds one to theirs (frozen translations are never deleted); policies, the
 * banner template, translations and the language settings carry their last update, and a deleted
 * policy lowers the count. The counts keep two publications in the same millisecond apart, which
 * the last update alone would not. Each is answered from an index. Meant as the first columns of
 * the query that reads the subject, so both come from one snapshot. */
export const CATALOG_FINGERPRINT = `(select max(id) from policy_versions) as "fpLastVersion",
  (select max(updated_at) from policy_versions) as "fpVersionsUpdated",
  (select count(*) from policies) as "fpPolicies",
  (select max(updated_at) from policies) as "fpPoliciesUpdated",
  (select max(updated_at) from banner_template) as "fpBannerUpdated",
  (select max(updated_at) from version_translations) as "fpTranslationsUpdated",
  (select max(updated_at) from site_languages) as "fpLanguagesUpdated",
  (select count(published_at) from policy_versions) as "fpPublished",
  (select count(frozen_at) from version_translations) as "fpFrozen"`

/** The fingerprint of a row that selected `CATALOG_FINGERPRINT`. */
export const catalogFingerprint = (row: Record<string, unknown>): string =>
  JSON.stringify([row.fpLastVersion, row.fpVersionsUpdated, row.fpPolicies, row.fpPoliciesUpdated, row.fpBannerUpdated, row.fpTranslationsUpdated, row.fpLanguagesUpdated, row.fpPublished, row.fpFrozen].map((v) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : String(v))))
