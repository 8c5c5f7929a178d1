/** How a policy's versions are accepted: an explicit click, or continued use after proven notice. */
export const acceptanceModes = ['clickwrap', 'continued-use'] as const
export type AcceptanceMode = (typeof acceptanceModes)[number]

/**
 * The rules a version is published under, frozen on the version at publication: how it is
 * accepted, how much notice a material change needs, and whether a second editor must approve.
 */
export interface VersionRules {
  acceptanceMode: AcceptanceMode
  noticePeriodDays: number
  requireSecondApproval: boolean
}

/** A policy's current rules, as a version published now would freeze them. */
export const rulesOf = (policy: { acceptanceMode: AcceptanceMode; noticePeriodDays: number; requireSecondApproval?: boolean | null }): VersionRules => ({
  acceptanceMode: policy.acceptanceMode,
  noticePeriodDays: Number(policy.noticePeriodDays),
  requireSecondApproval: Boolean(policy.requireSecondApproval),
})

/** The rules stored on a version, as the database returns them (a version published before rules
 * were frozen and never migrated has none). */
export interface StoredRules {
  acceptanceMode?: AcceptanceMode | null
  noticePeriodDays?: number | null
  requireSecondApproval?: boolean | null
}

/**
 * The rules a published version is held to: its own frozen ones. Only a version that has none
 * (published before rules were frozen, on a database no migration touched) falls back to its
 * policy's current rules, field by field.
 */
export function versionRules(stored: StoredRules | null | undefined, policy: VersionRules): VersionRules {
  return {
    acceptanceMode: stored?.acceptanceMode ?? policy.acceptanceMode,
    noticePeriodDays: stored?.noticePeriodDays ?? policy.noticePeriodDays,
    requireSecondApproval: stored?.requireSecondApproval ?? policy.requireSecondApproval,
  }
}
