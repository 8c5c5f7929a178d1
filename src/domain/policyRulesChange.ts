/** The fields of a policy that decide how its versions are accepted and where they live: only an
 * admin changes them, and every change is a ledger entry. */
export const GUARDED_POLICY_FIELDS = ['slug', 'acceptanceMode', 'noticePeriodDays', 'requireSecondApproval', 'bundle'] as const

export type GuardedPolicyField = (typeof GUARDED_POLICY_FIELDS)[number]

/** A guarded field's value as the ledger records it: absent, null and '' are the same (no bundle),
 * a checkbox never set is false. */
export function guardedValue(field: GuardedPolicyField, value: unknown): string | number | boolean | null {
  if (field === 'requireSecondApproval') return Boolean(value)
  if (field === 'noticePeriodDays') return value === null || value === undefined || value === '' ? null : Number(value)
  return value === null || value === undefined || value === '' ? null : String(value)
}

/** The guarded fields whose value differs between `before` and `after`, in a fixed order. */
export function changedGuardedFields(before: Record<string, unknown>, after: Record<string, unknown>): GuardedPolicyField[] {
  return GUARDED_POLICY_FIELDS.filter((f) => guardedValue(f, before[f]) !== guardedValue(f, after[f]))
}

/** Whether `field` is being changed by an update carrying `data` to a document now `doc`. A field
 * the update does not carry is not changed. */
export function changesGuardedField(field: GuardedPolicyField, data: Record<string, unknown> | undefined, doc: Record<string, unknown> | undefined): boolean {
  if (!data || !(field in data)) return false
  return guardedValue(field, data[field]) !== guardedValue(field, doc?.[field])
}

/**
 * A change of a policy's rules, slug or bundle as the ledger records it: which policy, who changed
 * it and when, and the guarded fields before and after (only those that changed).
 */
export function policyRulesLedgerRecord(change: {
  policy: number | string
  by: number | string | null
  at: string
  before: Record<string, unknown>
  after: Record<string, unknown>
}): Record<string, unknown> | undefined {
  const fields = changedGuardedFields(change.before, change.after)
  if (fields.length === 0) return undefined
  return {
    policy: change.policy,
    changedBy: change.by,
    changedAt: change.at,
    before: Object.fromEntries(fields.map((f) => [f, guardedValue(f, change.before[f])])),
    after: Object.fromEntries(fields.map((f) => [f, guardedValue(f, change.after[f])])),
  }
}
