/**
 * What the admin calls a version, in its heading, breadcrumb and lists: "Privacy Policy —
 * version 3" once published, "Privacy Policy — draft of version 3" before (the number it will
 * take after the newest published one).
 */
export function versionTitle(policyTitle: string | undefined, version: { version?: number | null; publishedAt?: unknown }, latestPublished: number | undefined): string {
  if (!policyTitle) return 'Draft without a policy'
  if (version.publishedAt && version.version != null) return `${policyTitle} — version ${version.version}`
  return `${policyTitle} — draft of version ${(latestPublished ?? 0) + 1}`
}
